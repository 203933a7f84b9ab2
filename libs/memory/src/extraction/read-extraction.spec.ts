import { readExtraction } from './read-extraction';

const answer = (facts: unknown) => JSON.stringify({ facts });

describe('reading an extraction answer', () => {
  it('given well-formed facts, when read, then they come back as facts', () => {
    expect(readExtraction(answer([{ content: ' Ana prefers email ', category: 'preferences', confidence: 0.9 }]))).toEqual({
      ok: true,
      facts: [{ content: 'Ana prefers email', category: 'preferences', confidence: 0.9 }],
    });
  });

  it('given the JSON in a fenced block after some prose, when read, then the facts are found', () => {
    const text = `Here are the facts:\n\`\`\`json\n${answer([{ content: 'Ana works at Acme', category: 'profile', confidence: 1 }])}\n\`\`\``;
    expect(readExtraction(text)).toEqual({ ok: true, facts: [{ content: 'Ana works at Acme', category: 'profile', confidence: 1 }] });
  });

  it('given no facts, when read, then that is a valid answer', () => {
    expect(readExtraction('{"facts": []}')).toEqual({ ok: true, facts: [] });
  });

  it('given malformed JSON or an object without a facts list, when read, then it is refused saying so', () => {
    const problem = { ok: false, problem: 'the answer holds no JSON object with a "facts" list' };
    expect(readExtraction('{"facts": [{"content": "x",}')).toEqual(problem);
    expect(readExtraction('I found nothing worth remembering.')).toEqual(problem);
    expect(readExtraction('{"items": []}')).toEqual(problem);
  });

  it('given a category name in another form, when read, then it is normalised', () => {
    const reading = readExtraction(answer([{ content: 'Ana likes tea', category: 'User Preferences', confidence: 0.8 }]));
    expect(reading.ok && reading.facts[0].category).toBe('user_preferences');
  });

  it('given a category that cannot be a name, when read, then it is refused naming the fact', () => {
    expect(readExtraction(answer([{ content: 'Ana likes tea', category: '2024 goals', confidence: 0.8 }]))).toEqual({
      ok: false,
      problem: "facts[0]: category '2024_goals' must match ^[a-z][a-z0-9_-]{0,63}$ (lower-case letters, digits, _ and -, at most 64)",
    });
  });

  it('given a confidence outside 0..1 or missing, when read, then it is refused naming the fact', () => {
    expect(readExtraction(answer([{ content: 'Ana likes tea', category: 'preferences', confidence: 1.5 }]))).toEqual({
      ok: false,
      problem: 'facts[0]: confidence must be a number from 0 to 1, not 1.5',
    });
    expect(readExtraction(answer([{ content: 'Ana likes tea', category: 'preferences' }]))).toEqual({
      ok: false,
      problem: 'facts[0]: confidence must be a number from 0 to 1, not undefined',
    });
  });

  it('given several bad facts, when read, then every problem is named in one message', () => {
    const reading = readExtraction(answer(['just text', { content: '', category: 'general', confidence: 0.5 }, { content: 'fine', category: 'general', confidence: -1 }]));
    expect(reading).toEqual({
      ok: false,
      problem: 'facts[0] is not an object; facts[1]: content must be 1 to 10000 characters, not 0; facts[2]: confidence must be a number from 0 to 1, not -1',
    });
  });

  it('given content over 10,000 characters, when read, then it is refused', () => {
    const reading = readExtraction(answer([{ content: 'x'.repeat(10_001), category: 'general', confidence: 0.5 }]));
    expect(reading).toEqual({ ok: false, problem: 'facts[0]: content must be 1 to 10000 characters, not 10001' });
  });

  it('given more than 50 facts, when read, then it is refused', () => {
    const facts = Array.from({ length: 51 }, (_, index) => ({ content: `fact ${index}`, category: 'general', confidence: 0.5 }));
    expect(readExtraction(answer(facts))).toEqual({ ok: false, problem: 'the answer has 51 facts; at most 50 are allowed' });
  });

  it('given the same fact twice, when read, then it is kept once with the higher confidence', () => {
    const reading = readExtraction(answer([{ content: 'Ana likes tea', category: 'preferences', confidence: 0.6 }, { content: 'Ana likes tea.', category: 'preferences', confidence: 0.8 }]));
    expect(reading).toEqual({ ok: true, facts: [{ content: 'Ana likes tea', category: 'preferences', confidence: 0.8 }] });
  });
});
