import { StrategyFailedError } from '../model/reasoning-errors';
import type { StrategyContext } from './strategy';

/** One call with the step's own prompts; the answer is the text. */
export async function direct(context: StrategyContext): Promise<string> {
  const response = await context.model.complete({
    system: context.system,
    messages: [{ role: 'user', content: context.prompt }],
    maxOutputTokens: context.maxOutputTokens,
  });
  const answer = response.text.trim();
  if (!answer) throw new StrategyFailedError('direct: the model answered with no text');
  return answer;
}
