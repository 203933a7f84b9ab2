import type { Envelope } from '@sigil/messaging';
import type { StoreMemoryBatchRequest } from '@sigil/schemas';
import { type NewItem, newItemOf } from './store-request';

/** A batch is one transaction and one statement: bounded, so neither holds locks or memory for long. */
export const MAX_BATCH_ITEMS = 1_000;

export type CheckedBatch =
  | { ok: true; items: NewItem[] }
  /** `itemProblems` is one entry per item (empty for an item without problems); empty when the batch itself is wrong. */
  | { ok: false; problems: string[]; itemProblems: string[][] };

/** Checks every item of a batch as a single store would be checked; one bad item refuses the batch. */
export function newItemsOf(request: StoreMemoryBatchRequest, caller: Pick<Envelope, 'sessionId' | 'runId'>): CheckedBatch {
  const count = request.items.length;
  if (count < 1 || count > MAX_BATCH_ITEMS) return { ok: false, problems: [`items must be 1 to ${MAX_BATCH_ITEMS}, not ${count}`], itemProblems: [] };
  const checked = request.items.map((item) => newItemOf(item, caller));
  const itemProblems = checked.map((item) => (item.ok ? [] : item.problems));
  const problems = itemProblems.flatMap((found, index) => found.map((problem) => `items[${index}]: ${problem}`));
  if (problems.length > 0) return { ok: false, problems, itemProblems };
  return { ok: true, items: checked.flatMap((item) => (item.ok ? [item.value] : [])) };
}
