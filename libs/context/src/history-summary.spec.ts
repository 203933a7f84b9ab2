import { firstSentence, SUMMARY_SENTENCE_MAX_CHARS, summariseTurns } from './history-summary';

describe('extractive history summary', () => {
  it('given several sentences, when summarised, then only the first is kept', () => {
    expect(firstSentence('  Ship it on Friday. Then tell the team! And rest?')).toBe('Ship it on Friday.');
  });

  it('given a first line without a full stop, when summarised, then the line is the sentence', () => {
    expect(firstSentence('a heading without a stop\nthe body. more.')).toBe('a heading without a stop');
  });

  it('given a decimal number, when summarised, then it does not end the sentence', () => {
    expect(firstSentence('Revenue grew 12.5% in Q3. Costs fell.')).toBe('Revenue grew 12.5% in Q3.');
  });

  it('given a very long first sentence, when summarised, then it is capped with an ellipsis', () => {
    const sentence = firstSentence(`${'word '.repeat(100)}end.`);
    expect(sentence).toHaveLength(SUMMARY_SENTENCE_MAX_CHARS);
    expect(sentence.endsWith('…')).toBe(true);
  });

  it('given turns, when summarised, then each becomes one numbered line of first sentences', () => {
    const summary = summariseTurns(
      [
        { input: 'What is our refund policy? I need it today.', response: 'Refunds are accepted for 30 days. Details follow.' },
        { input: 'And for software?', response: 'Software is not refundable. Sorry.' },
      ],
      3,
    );
    expect(summary).toBe(
      'turn 3: asked "What is our refund policy?" → answered "Refunds are accepted for 30 days."\n' +
        'turn 4: asked "And for software?" → answered "Software is not refundable."',
    );
  });
});
