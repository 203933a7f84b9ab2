import { type LlmRequest, LocalProvider } from '@sigil/llm';
import { correctionOf, MemoryModel } from './memory-model';

const prompt = { system: 'Extract facts.', user: 'The customer prefers email.', maxOutputTokens: 256 };
/** Reads an answer that is the word "good" and nothing else. */
const reader = (answer: string) => (answer === 'good' ? { ok: true as const, value: answer } : { ok: false as const, problem: `"${answer}" is not good` });

/** The local provider answering from a list, recording what it was asked. */
function modelAnswering(answers: string[]) {
  const asked: LlmRequest[] = [];
  const model = new MemoryModel(
    new LocalProvider((request) => {
      asked.push(request);
      return { text: answers[asked.length - 1] ?? 'nothing left' };
    }),
  );
  return { model, asked };
}

describe('memory model', () => {
  it('given a readable answer, when read, then it is used after one call with the prompt as the only user turn', async () => {
    const { model, asked } = modelAnswering(['good']);
    expect(await model.read(prompt, reader)).toEqual({ ok: true, value: 'good' });
    expect(asked).toEqual([{ system: 'Extract facts.', messages: [{ role: 'user', content: 'The customer prefers email.' }], maxOutputTokens: 256 }]);
  });

  it('given an unreadable answer, when read, then the model is asked once more with its answer and the problem, and the second answer is used', async () => {
    const { model, asked } = modelAnswering(['bad', 'good']);
    expect(await model.read(prompt, reader)).toEqual({ ok: true, value: 'good' });
    expect(asked[1].messages).toEqual([
      { role: 'user', content: 'The customer prefers email.' },
      { role: 'assistant', content: 'bad' },
      { role: 'user', content: correctionOf('"bad" is not good') },
    ]);
    expect(correctionOf('"bad" is not good')).toContain('"bad" is not good');
  });

  it('given two unreadable answers, when read, then the second problem is the reading and the model is not asked a third time', async () => {
    const { model, asked } = modelAnswering(['bad', 'worse', 'good']);
    expect(await model.read(prompt, reader)).toEqual({ ok: false, problem: '"worse" is not good' });
    expect(asked).toHaveLength(2);
  });
});
