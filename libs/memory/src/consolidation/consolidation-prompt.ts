import { UNTRUSTED_DATA_RULE } from '@sigil/context';
import { fencedRecordsIn, fenceRecords } from '../prompts/fenced-data';
import { isRecord } from '../prompts/answer-json';
import type { MemoryPrompt } from '../prompts/memory-prompt';
import { MAX_SUMMARY_CHARS } from './read-summary';

export const CONSOLIDATION_PROMPT_HEADER = '## MEMORY CONSOLIDATION';

/** An item of the category being summarised. */
export interface ConsolidationItem {
  content: string;
  confidence: number;
}

const CONSOLIDATION_OUTPUT_TOKENS = 4_096;

const SYSTEM = [
  CONSOLIDATION_PROMPT_HEADER,
  "You maintain a memory category's summary: what is known in that category, rebuilt from its items.",
  'Write markdown: a "# " title naming the category, then one bullet per distinct fact, most confident first. Merge items that state the same fact and say how many items state it; when items contradict each other, keep both and say so.',
  `Use only the items; add nothing. Stay under ${MAX_SUMMARY_CHARS.toLocaleString('en')} characters. Answer with the markdown only.`,
  UNTRUSTED_DATA_RULE,
].join('\n');

/** The prompt asking for a category's summary from its items (read by `readSummary`). */
export function consolidationPrompt(category: string, items: ConsolidationItem[]): MemoryPrompt {
  const records = items.map((item) => ({ content: item.content, confidence: item.confidence }));
  return { system: SYSTEM, user: [`CATEGORY: ${category}`, 'ITEMS:', fenceRecords('memory_items', records)].join('\n'), maxOutputTokens: CONSOLIDATION_OUTPUT_TOKENS };
}

export function isConsolidationPrompt(system: string): boolean {
  return system.startsWith(CONSOLIDATION_PROMPT_HEADER);
}

/** What a consolidation prompt asked to summarise. */
export function consolidationPromptInput(user: string): { category: string; items: ConsolidationItem[] } {
  const items = fencedRecordsIn(user, 'memory_items').flatMap((record) =>
    isRecord(record) && typeof record.content === 'string' && typeof record.confidence === 'number' ? [{ content: record.content, confidence: record.confidence }] : [],
  );
  return { category: /^CATEGORY: (\S+)$/m.exec(user)?.[1] ?? '', items };
}
