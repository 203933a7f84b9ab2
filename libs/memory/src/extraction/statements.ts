import { wordsOf } from '../text/words';

/** Who said a line of a conversation or transcript: a label, not part of what was said. */
const SPEAKER_LABEL = /^\s*(user|assistant|human|ai|system|agent|customer)\s*:\s*/gim;
/** A greeting or thanks opening a sentence ("Hi, I'm Ana." states "I'm Ana."). */
const OPENING_PLEASANTRY = /^(hi|hello|hey|thanks|thank you|good (morning|afternoon|evening))\b[\s,!.:-]*/i;
const PLEASANTRY_WORDS = new Set('hi hello hey thanks thank you bye goodbye good morning afternoon evening night ok okay sure great cool yes no yeah yep nope welcome cheers'.split(' '));
/** Words that open a question (or a request) when the sentence does not end as a statement. */
const QUESTION_OPENERS = /^(who|what|when|where|why|how|which|is|are|am|do|does|did|can|could|would|should|will|shall|may)\b/i;
const REQUEST_OPENER = /^please\b/i;
/** Fewer words say nothing on their own ("Yes.", "Got it."). */
const MIN_STATEMENT_WORDS = 3;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The text's sentences, line by line (a line break ends a sentence), whitespace collapsed. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(SPEAKER_LABEL, '')
    .split(/\n+/)
    .flatMap((line) => [...segmenter.segment(line)].map((segment) => segment.segment.replace(/\s+/g, ' ').trim()))
    .filter((sentence) => sentence.length > 0);
}

const isQuestion = (sentence: string) => sentence.endsWith('?') || (QUESTION_OPENERS.test(sentence) && !/[.!]$/.test(sentence));

/** The sentence as a statement of fact, or undefined for a question, a request, a greeting or a fragment. */
export function statementOf(sentence: string): string | undefined {
  const statement = sentence.replace(OPENING_PLEASANTRY, '').trim();
  if (isQuestion(statement) || REQUEST_OPENER.test(statement)) return undefined;
  const words = wordsOf(statement);
  if (words.length < MIN_STATEMENT_WORDS || words.every((word) => PLEASANTRY_WORDS.has(word))) return undefined;
  return statement;
}
