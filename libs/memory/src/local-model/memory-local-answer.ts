import { consolidationPromptInput, isConsolidationPrompt } from '../consolidation/consolidation-prompt';
import { deterministicSummary } from '../consolidation/deterministic-summary';
import { deterministicExtraction } from '../extraction/deterministic-extraction';
import { extractionPromptContent, isExtractionPrompt } from '../extraction/extraction-prompt';
import { categorySelectionPromptInput, isCategorySelectionPrompt } from '../retrieval/category-selection-prompt';
import { deterministicCategorySelection, deterministicItemRelevance } from '../retrieval/deterministic-relevance';
import { isItemRelevancePrompt, itemRelevancePromptInput } from '../retrieval/item-relevance-prompt';

/**
 * The memory service's offline model: answers each memory prompt with its deterministic rules, in
 * the shape a model is asked for (so the same parsers read it). Any other prompt is a programming
 * error: memory asks nothing else.
 */
export function memoryLocalAnswer(system: string, user: string): string {
  if (isExtractionPrompt(system)) return JSON.stringify({ facts: deterministicExtraction(extractionPromptContent(user)) });
  if (isConsolidationPrompt(system)) {
    const { category, items } = consolidationPromptInput(user);
    return deterministicSummary(category, items);
  }
  if (isCategorySelectionPrompt(system)) {
    const { query, categories } = categorySelectionPromptInput(user);
    return JSON.stringify({ categories: deterministicCategorySelection(query, categories) });
  }
  if (isItemRelevancePrompt(system)) {
    const { query, items } = itemRelevancePromptInput(user);
    return JSON.stringify({ relevant: deterministicItemRelevance(query, items).map((item) => ({ item_id: item.itemId, score: item.score })) });
  }
  throw new Error(`the memory model has no answer for this prompt: ${system.split('\n', 1)[0].slice(0, 80)}`);
}
