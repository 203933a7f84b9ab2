import { protocolSystem, readCandidates, readFinalAnswer, readOptions, readProtocol, readScore } from './protocol';

describe('strategy protocol', () => {
  describe('system prompt', () => {
    it("given a step's system prompt, when a protocol is added, then the step's prompt comes first and the header names the protocol", () => {
      const system = protocolSystem('Be brief.', 'chain_of_thought', ['Think.']);
      expect(system.startsWith('Be brief.\n\n## REASONING PROTOCOL: chain_of_thought\nThink.\n')).toBe(true);
      expect(system).toContain('<untrusted_data>');
      expect(readProtocol(system)).toEqual({ protocol: 'chain_of_thought', stepSystem: 'Be brief.' });
    });

    it('given a system prompt without a protocol, when read, then it is all the step’s', () => {
      expect(readProtocol('Be brief.')).toEqual({ stepSystem: 'Be brief.' });
    });
  });

  describe('final answer', () => {
    it('given reasoning and a FINAL ANSWER line, when read, then the answer is what follows the last marker, over several lines', () => {
      expect(readFinalAnswer('1. a\n2. final answer: not yet\nFINAL ANSWER: {\n  "x": 1\n}\n')).toEqual({ reasoning: '1. a\n2. final answer: not yet', answer: '{\n  "x": 1\n}' });
    });

    it.each(['1. thinking only', 'FINAL ANSWER:   \n'])('given "%s", when read, then there is no answer', (text) => {
      expect(readFinalAnswer(text)).toBeUndefined();
    });
  });

  describe('scores', () => {
    it.each([
      ['SCORE: 7', 10, 7],
      ['**Score:** 8/10 because', 10, 8],
      ['score = 4 / 5', 10, 8],
      ['SCORE: 85%', 10, 8.5],
      ['I would give it 6. It is fine.', 10, 6],
      ['SCORE: 14', 10, 10],
      ['SCORE: -2', 10, 0],
      ['SCORE: 0.75', 1, 0.75],
      ['SCORE: 8/10', 1, 0.8],
      ['SCORE: 7', 1, 0.7],
      ['SCORE: 65%', 1, 0.65],
      ['SCORE: 65', 1, 0.65],
    ])('given "%s" on a 0..%d scale, when read, then the score is %d', (text, max, expected) => {
      expect(readScore(text, max)).toBeCloseTo(expected);
    });

    it('given a judgement with no number, when read, then there is no score', () => {
      expect(readScore('It is good.', 10)).toBeUndefined();
    });
  });

  describe('candidates', () => {
    it('given CANDIDATE blocks, when read, then each has its approach and its (multi-line) answer, and one without an answer is left out', () => {
      const text = ['Here you go.', 'CANDIDATE 1:', 'APPROACH: count', 'ANSWER: 24', '', '**CANDIDATE 2:**', 'APPROACH: multiply', '8 x 3', 'ANSWER: {', '"legs": 24', '}', 'CANDIDATE 3:', 'APPROACH: guess'].join('\n');
      expect(readCandidates(text)).toEqual([
        { approach: 'count', answer: '24' },
        { approach: 'multiply\n8 x 3', answer: '{\n"legs": 24\n}' },
      ]);
    });

    it('given prose without candidates, when read, then there are none', () => {
      expect(readCandidates('The answer is 24.')).toEqual([]);
    });
  });

  describe('options', () => {
    it('given OPTION lines, when read, then each one-line step comes back once, in order', () => {
      expect(readOptions('OPTION 1: count legs\n- Option 2) multiply\nOPTION 3: count legs\nnoise')).toEqual(['count legs', 'multiply']);
    });
  });
});
