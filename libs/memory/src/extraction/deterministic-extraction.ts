import { contentProblem } from '../memory-rules';
import { distinctFacts, type ExtractedFact, MAX_FACTS_PER_RESOURCE } from './extracted-fact';
import { categoryOfStatement, confidenceOfStatement } from './fact-category';
import { sentencesOf, statementOf } from './statements';

/**
 * The local model's extraction: every sentence that states something (questions, requests,
 * greetings and fragments dropped), categorised by keyword rules, its confidence lowered by hedging
 * words; repeats once, at most 50. A stand-in that keeps memory working offline, not a model's judgement.
 */
export function deterministicExtraction(content: string): ExtractedFact[] {
  const facts = sentencesOf(content)
    .map(statementOf)
    .filter((statement): statement is string => statement !== undefined && contentProblem(statement) === undefined)
    .map((statement) => ({ content: statement, category: categoryOfStatement(statement), confidence: confidenceOfStatement(statement) }));
  return distinctFacts(facts).slice(0, MAX_FACTS_PER_RESOURCE);
}
