import { chunkText, shapeLocalText } from './local-text';

describe('local text shaping', () => {
  it('given text within the limit, when shaped, then it is whole and the turn ended', () => {
    expect(shapeLocalText('hello world', 100)).toEqual({ text: 'hello world', stopReason: 'end_turn' });
  });

  it('given text beyond max output tokens, when shaped, then it is cut at 4 characters a token', () => {
    expect(shapeLocalText('abcdefghijkl', 2)).toEqual({ text: 'abcdefgh', stopReason: 'max_tokens' });
  });

  it('given stop sequences, when shaped, then the text ends before the first one to appear', () => {
    expect(shapeLocalText('one END two STOP three', 100, ['STOP', 'END'])).toEqual({ text: 'one ', stopReason: 'stop_sequence' });
  });

  it('given text, when chunked, then the pieces join back to it, at most as many as asked', () => {
    const text = 'the quick brown fox jumps';
    const chunks = chunkText(text, 4);
    expect(chunks.length).toBeLessThanOrEqual(4);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(text);
  });

  it('given short or empty text, when chunked, then there are no empty pieces', () => {
    expect(chunkText('ab', 4)).toEqual(['a', 'b']);
    expect(chunkText('', 4)).toEqual([]);
  });
});
