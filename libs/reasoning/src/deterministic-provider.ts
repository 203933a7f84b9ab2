import { contractShapedAnswer } from './contract-shaped-answer';

export interface CompletionRequest {
  system: string;
  prompt: string;
  maxOutputTokens: number;
}

export interface Completion {
  text: string;
  inputTokens: number;
  outputTokens: number;
  model: string;
}

export const DETERMINISTIC_MODEL = 'sigil-local-deterministic';

/** A rough token count (four characters a token), enough for accounting without a tokenizer. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function echo(request: CompletionRequest): string {
  const excerpt = request.prompt.trim().replace(/\s+/g, ' ').slice(0, 200);
  const persona = request.system.trim() ? ` as instructed (${estimateTokens(request.system)} tokens of instructions)` : '';
  return `Answering${persona}: ${excerpt}`;
}

/**
 * The local provider used when no API key is set: the same request always gives the same answer,
 * so runs are reproducible and tests can assert on it.
 */
export function deterministicCompletion(request: CompletionRequest): Completion {
  let text = contractShapedAnswer(request.prompt) ?? echo(request);
  const maxChars = request.maxOutputTokens * 4;
  if (text.length > maxChars) text = text.slice(0, maxChars);
  return {
    text,
    inputTokens: estimateTokens(request.system) + estimateTokens(request.prompt),
    outputTokens: estimateTokens(text),
    model: DETERMINISTIC_MODEL,
  };
}
