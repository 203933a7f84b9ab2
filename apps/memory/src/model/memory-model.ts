import type { LlmCallOptions, LlmMessage, LlmProvider } from '@sigil/llm';
import type { MemoryPrompt } from '@sigil/memory';

/** What a reader of the model's answer makes of it: its value, or why it could not be used. */
export type AnswerReading = { ok: true } | { ok: false; problem: string };

/** The turn that asks again after an unreadable answer, naming what was wrong with it. */
export const correctionOf = (problem: string): string =>
  `Your answer could not be used: ${problem}. Answer the same request again, in exactly the format asked for and nothing else.`;

/**
 * The memory service's model: asks one of the memory lib's prompts and reads the answer with the
 * prompt's reader. An unreadable answer is asked again once, with the reader's problem, before the
 * reading is given up; model failures (outage, timeout) are thrown for the caller's retry.
 */
export class MemoryModel {
  constructor(private readonly llm: LlmProvider) {}

  /** The model that answers, for logs and health. */
  get description(): string {
    return `${this.llm.name} model ${this.llm.model}`;
  }

  async read<R extends AnswerReading>(prompt: MemoryPrompt, reader: (answer: string) => R, options: Pick<LlmCallOptions, 'signal'> = {}): Promise<R> {
    const asked: LlmMessage[] = [{ role: 'user', content: prompt.user }];
    const first = await this.answer(prompt, asked, options);
    const reading = reader(first);
    if (reading.ok) return reading;
    const problem = (reading as Extract<AnswerReading, { ok: false }>).problem;
    return reader(await this.answer(prompt, [...asked, { role: 'assistant', content: first }, { role: 'user', content: correctionOf(problem) }], options));
  }

  private async answer(prompt: MemoryPrompt, messages: LlmMessage[], options: Pick<LlmCallOptions, 'signal'>): Promise<string> {
    const response = await this.llm.complete({ system: prompt.system, messages, maxOutputTokens: prompt.maxOutputTokens }, options);
    return response.text;
  }
}
