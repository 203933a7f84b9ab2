import { fenceUntrusted, UNTRUSTED_DATA_RULE } from '@sigil/context';
import { isRecord } from '../prompts/answer-json';
import { fencedIn, fencedRecordsIn, fenceRecords } from '../prompts/fenced-data';
import type { MemoryPrompt } from '../prompts/memory-prompt';

export const ITEM_RELEVANCE_PROMPT_HEADER = '## MEMORY ITEM RELEVANCE';

export interface CandidateItem {
  itemId: string;
  content: string;
  category: string;
}

const SYSTEM = [
  ITEM_RELEVANCE_PROMPT_HEADER,
  'You judge which memory items help answer a question. You get the question and the items, each with its id and category.',
  'List the items that help, each with a relevance score from 0 (no help) to 1 (answers it), most relevant first; none when no item helps.',
  'Answer with JSON only, in this shape: {"relevant": [{"item_id": "...", "score": 0.8}]}',
  UNTRUSTED_DATA_RULE,
].join('\n');

/** The llm mode's second prompt: which of the selected categories' items are relevant (answer read by `readItemRelevance`). */
export function itemRelevancePrompt(query: string, items: CandidateItem[]): MemoryPrompt {
  const records = items.map((item) => ({ item_id: item.itemId, category: item.category, content: item.content }));
  return { system: SYSTEM, user: ['QUESTION:', fenceUntrusted('query', query), 'ITEMS:', fenceRecords('memory_items', records)].join('\n'), maxOutputTokens: 2_048 };
}

export function isItemRelevancePrompt(system: string): boolean {
  return system.startsWith(ITEM_RELEVANCE_PROMPT_HEADER);
}

/** What an item relevance prompt asked. */
export function itemRelevancePromptInput(user: string): { query: string; items: CandidateItem[] } {
  const items = fencedRecordsIn(user, 'memory_items').flatMap((record) =>
    isRecord(record) && typeof record.item_id === 'string' && typeof record.content === 'string' && typeof record.category === 'string'
      ? [{ itemId: record.item_id, content: record.content, category: record.category }]
      : [],
  );
  return { query: fencedIn(user, 'query') ?? '', items };
}
