import { StrategyFailedError } from '../model/reasoning-errors';
import type { ModelMessage } from '../model/model-port';
import { protocolSystem, readFinalAnswer, taskMessage } from './protocol';
import type { StrategyContext } from './strategy';

export const CHAIN_OF_THOUGHT_INSTRUCTIONS = [
  'Reason step by step before you answer. Write your reasoning as numbered steps ("1. …", "2. …"), one idea per step.',
  'Then write one line that starts with "FINAL ANSWER:" followed by the complete answer (it may continue over several lines).',
  'Only the text after "FINAL ANSWER:" is delivered, so it must stand on its own and meet every output requirement of the task.',
];

const MISSING_FINAL_ANSWER = 'Your reply had no "FINAL ANSWER:" line. Reply again in the required format: numbered reasoning steps, then "FINAL ANSWER:" and the answer.';

/** One call for numbered reasoning and a `FINAL ANSWER:` line; the reasoning goes to the trace, the final answer is the output. */
export async function chainOfThought(context: StrategyContext): Promise<string> {
  const system = protocolSystem(context.system, 'chain_of_thought', CHAIN_OF_THOUGHT_INSTRUCTIONS);
  const messages: ModelMessage[] = [taskMessage(context.prompt)];
  for (let attempt = 0; attempt <= context.settings.parseRetries; attempt++) {
    const response = await context.model.complete({ system, messages, maxOutputTokens: context.maxOutputTokens });
    const parsed = readFinalAnswer(response.text);
    if (parsed) {
      context.trace(`chain_of_thought reasoning:\n${parsed.reasoning}`);
      return parsed.answer;
    }
    context.trace(`chain_of_thought: reply ${attempt + 1} had no FINAL ANSWER line`);
    messages.push({ role: 'assistant', content: response.text.trim() || '(no text)' }, { role: 'user', content: MISSING_FINAL_ANSWER });
  }
  throw new StrategyFailedError('chain_of_thought: no FINAL ANSWER line after retrying');
}
