import { termOverlap } from '../text/terms';
import { type CandidateItem } from './item-relevance-prompt';
import { type CategoryOverview, MAX_SELECTED_CATEGORIES } from './category-selection-prompt';
import type { RelevantItem } from './read-item-relevance';

/** Best first, keeping only what shares a term with the query; equal scores keep the input order (stable sort). */
const ranked = <T>(scored: { value: T; score: number }[]) => scored.filter((entry) => entry.score > 0).sort((a, b) => b.score - a.score);

/** The local model's category choice: the categories whose name and summary share the most of the query's terms. */
export function deterministicCategorySelection(query: string, categories: CategoryOverview[]): string[] {
  return ranked(categories.map((category) => ({ value: category.name, score: termOverlap(query, `${category.name} ${category.summary}`) })))
    .slice(0, MAX_SELECTED_CATEGORIES)
    .map((entry) => entry.value);
}

/** The local model's relevance: each item scored by the share of the query's terms its category and content contain. */
export function deterministicItemRelevance(query: string, items: CandidateItem[]): RelevantItem[] {
  return ranked(items.map((item) => ({ value: item.itemId, score: termOverlap(query, `${item.category} ${item.content}`) }))).map((entry) => ({ itemId: entry.value, score: entry.score }));
}
