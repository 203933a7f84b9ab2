import { DEFAULT_CATEGORY } from '../memory-rules';

/** Keyword rules, first match wins: the local model's stand-in for a model's judgement of what a fact is about. */
const CATEGORY_RULES: readonly { category: string; pattern: RegExp }[] = [
  { category: 'preferences', pattern: /\b(prefer(s|red|ence|ences)?|likes?|liked|loves?|loved|enjoys?|enjoyed|hates?|hated|dislikes?|disliked|favou?rite|rather)\b/ },
  { category: 'decisions', pattern: /\b(decided?|decision|agreed|chose|chosen|approved?|selected|settled on|going with)\b/ },
  { category: 'goals', pattern: /\b(goals?|aims?|plans? to|planning to|wants? to|hopes? to|intends? to|objective|target|trying to)\b/ },
  { category: 'contacts', pattern: /\b(e-?mail|phone|mobile|address|contact|reach (me|him|her|them|us))\b|\S@\S|\+\d[\d ().-]{6,}\d/ },
  { category: 'profile', pattern: /\b(my name is|name is|i am|i'm|works? (at|for|as)|job|role|title|lives? in|based in|born|years old)\b/ },
];

/** How sure a statement sounds: hedges lower the confidence a plain statement gets. */
const CONFIDENCE_RULES: readonly { confidence: number; pattern: RegExp }[] = [
  { confidence: 0.5, pattern: /\b(maybe|perhaps|might|possibly|not sure|unsure|i guess|i suppose)\b/ },
  { confidence: 0.7, pattern: /\b(probably|likely|i think|i believe|usually|seems?|generally|tends? to)\b/ },
];
const STATED_CONFIDENCE = 0.9;

const lowerCased = (sentence: string) => sentence.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019]/g, "'");

export function categoryOfStatement(sentence: string): string {
  const text = lowerCased(sentence);
  return CATEGORY_RULES.find((rule) => rule.pattern.test(text))?.category ?? DEFAULT_CATEGORY;
}

export function confidenceOfStatement(sentence: string): number {
  const text = lowerCased(sentence);
  return CONFIDENCE_RULES.find((rule) => rule.pattern.test(text))?.confidence ?? STATED_CONFIDENCE;
}
