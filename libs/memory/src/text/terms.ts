import { STOP_WORDS } from './stop-words';
import { wordsOf } from './words';

/** Word forms share their first letters ("prefers", "preferred", "preference"): five keep most words apart. */
const STEM_LENGTH = 5;

/** A crude, deterministic stem: a plural `s` dropped, then the first five letters. */
const stemOf = (word: string) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word).slice(0, STEM_LENGTH);

/** The stems of what the text is about: its words without stop words (all its words when it has only stop words). */
export function termsOf(text: string): Set<string> {
  const words = wordsOf(text);
  const contentWords = words.filter((word) => !STOP_WORDS.has(word));
  return new Set((contentWords.length > 0 ? contentWords : words).map(stemOf));
}

/** The share (0..1) of the query's terms the text contains: the local model's measure of relevance. */
export function termOverlap(query: string, text: string): number {
  const queryTerms = termsOf(query);
  if (queryTerms.size === 0) return 0;
  const textTerms = termsOf(text);
  return [...queryTerms].filter((term) => textTerms.has(term)).length / queryTerms.size;
}
