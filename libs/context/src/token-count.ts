/**
 * An ESTIMATE of tokens, not the model's tokenizer: 4 characters a token, rounded up (the same
 * estimate the LLM lib reserves run budget with, so both sides agree). It is close for English
 * prose and under-counts dense text (code, non-Latin scripts); the provider's reported usage is
 * what the run budget finally settles to.
 */
export const CHARS_PER_TOKEN = 4;

export function countTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}
