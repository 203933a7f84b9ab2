import { fenceUntrusted, UNTRUSTED_DATA_RULE } from '@sigil/context';
import { isRecord } from '../prompts/answer-json';
import { fencedIn, fencedRecordsIn, fenceRecords } from '../prompts/fenced-data';
import type { MemoryPrompt } from '../prompts/memory-prompt';

export const CATEGORY_SELECTION_PROMPT_HEADER = '## MEMORY CATEGORY SELECTION';

/** At most this many categories are read further: the items of every category would be a linear scan. */
export const MAX_SELECTED_CATEGORIES = 5;

/** A summary's start tells what its category holds; whole summaries of many categories would crowd the prompt. */
export const MAX_OVERVIEW_SUMMARY_CHARS = 2_000;

export interface CategoryOverview {
  name: string;
  summary: string;
}

const SYSTEM = [
  CATEGORY_SELECTION_PROMPT_HEADER,
  "You choose where to look in a memory for what answers a question. You get the question and the memory's categories, each with a summary of what it holds.",
  `Pick the categories whose items may answer the question, most promising first, at most ${MAX_SELECTED_CATEGORIES}; none when no category fits.`,
  'Answer with JSON only, in this shape: {"categories": ["category_name"]}',
  UNTRUSTED_DATA_RULE,
].join('\n');

/** The llm mode's first prompt: which categories to read (answer read by `readCategorySelection`). */
export function categorySelectionPrompt(query: string, categories: CategoryOverview[]): MemoryPrompt {
  const records = categories.map((category) => ({ name: category.name, summary: [...category.summary].slice(0, MAX_OVERVIEW_SUMMARY_CHARS).join('') }));
  return { system: SYSTEM, user: ['QUESTION:', fenceUntrusted('query', query), 'CATEGORIES:', fenceRecords('memory_categories', records)].join('\n'), maxOutputTokens: 512 };
}

export function isCategorySelectionPrompt(system: string): boolean {
  return system.startsWith(CATEGORY_SELECTION_PROMPT_HEADER);
}

/** What a category selection prompt asked. */
export function categorySelectionPromptInput(user: string): { query: string; categories: CategoryOverview[] } {
  const categories = fencedRecordsIn(user, 'memory_categories').flatMap((record) =>
    isRecord(record) && typeof record.name === 'string' && typeof record.summary === 'string' ? [{ name: record.name, summary: record.summary }] : [],
  );
  return { query: fencedIn(user, 'query') ?? '', categories };
}
