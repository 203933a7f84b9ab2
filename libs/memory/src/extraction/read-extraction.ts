import { answerObjectIn, isRecord, problemOf } from '../prompts/answer-json';
import { categoryProblem, confidenceProblem, contentProblem } from '../memory-rules';
import { distinctFacts, type ExtractedFact, MAX_FACTS_PER_RESOURCE, normaliseCategory } from './extracted-fact';

export type ExtractionReading = { ok: true; facts: ExtractedFact[] } | { ok: false; problem: string };

function factFrom(raw: unknown, index: number): ExtractedFact | string[] {
  if (!isRecord(raw)) return [`facts[${index}] is not an object`];
  const content = typeof raw.content === 'string' ? raw.content.trim() : '';
  const category = typeof raw.category === 'string' ? normaliseCategory(raw.category) : '';
  const problems = [contentProblem(content), categoryProblem(category), confidenceProblem(raw.confidence)]
    .filter((problem): problem is string => problem !== undefined)
    .map((problem) => `facts[${index}]: ${problem}`);
  return problems.length > 0 ? problems : { content, category, confidence: raw.confidence as number };
}

/**
 * Reads a model's extraction answer, `{"facts": [{"content", "category", "confidence"}]}`: each fact's
 * content 1..10,000 characters, its category normalised ("User Preferences" → user_preferences) then
 * checked, its confidence 0..1; at most 50 facts, repeats counted once. Any bad fact refuses the whole
 * answer, naming what is wrong, so the retry can correct it.
 */
export function readExtraction(text: string): ExtractionReading {
  const answer = answerObjectIn(text);
  if (!answer || !Array.isArray(answer.facts)) return { ok: false, problem: 'the answer holds no JSON object with a "facts" list' };
  if (answer.facts.length > MAX_FACTS_PER_RESOURCE) return { ok: false, problem: `the answer has ${answer.facts.length} facts; at most ${MAX_FACTS_PER_RESOURCE} are allowed` };
  const read = answer.facts.map(factFrom);
  const problems = read.flatMap((fact) => (Array.isArray(fact) ? fact : []));
  if (problems.length > 0) return { ok: false, problem: problemOf(problems) };
  return { ok: true, facts: distinctFacts(read as ExtractedFact[]) };
}
