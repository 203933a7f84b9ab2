import { QueryFailedError } from '@sigil/messaging';
import type { ToolResult } from '@sigil/reasoning';

/** A query answered with an error is a refusal the tool reports; a query the bus could not answer is thrown (the tool could not run). */
export async function askQuery<T extends { error?: { code: string; message: string } }>(ask: () => Promise<T>, render: (answer: T) => string): Promise<ToolResult> {
  try {
    const answer = await ask();
    if (answer.error) return { output: `${answer.error.code}: ${answer.error.message}`, isError: true };
    return { output: render(answer), isError: false };
  } catch (error) {
    if (error instanceof QueryFailedError && error.code === 'BAD_REQUEST') return { output: error.message, isError: true };
    throw error;
  }
}
