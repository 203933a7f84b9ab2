import { answerObjectIn } from '../prompts/answer-json';
import { MAX_SELECTED_CATEGORIES } from './category-selection-prompt';

export type CategorySelectionReading = { ok: true; categories: string[] } | { ok: false; problem: string };

/**
 * Reads a model's `{"categories": [...]}`: names of categories it was not shown are dropped (it may
 * not widen the search), repeats count once, and only the first five are kept.
 */
export function readCategorySelection(text: string, shown: readonly string[]): CategorySelectionReading {
  const answer = answerObjectIn(text);
  if (!answer || !Array.isArray(answer.categories)) return { ok: false, problem: 'the answer holds no JSON object with a "categories" list' };
  if (answer.categories.some((name) => typeof name !== 'string')) return { ok: false, problem: '"categories" must be a list of category names' };
  const known = new Set(shown);
  const categories = [...new Set(answer.categories as string[])].filter((name) => known.has(name));
  return { ok: true, categories: categories.slice(0, MAX_SELECTED_CATEGORIES) };
}
