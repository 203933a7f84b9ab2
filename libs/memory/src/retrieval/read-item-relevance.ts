import { answerObjectIn, isRecord, problemOf } from '../prompts/answer-json';

export interface RelevantItem {
  itemId: string;
  /** 0..1, the model's judgement of how much the item helps answer the query. */
  score: number;
}

export type ItemRelevanceReading = { ok: true; relevant: RelevantItem[] } | { ok: false; problem: string };

function relevantFrom(raw: unknown, index: number): RelevantItem | string {
  if (!isRecord(raw)) return `relevant[${index}] is not an object`;
  if (typeof raw.item_id !== 'string' || !raw.item_id) return `relevant[${index}].item_id must be an item id`;
  if (typeof raw.score !== 'number' || !(raw.score >= 0 && raw.score <= 1)) return `relevant[${index}].score must be a number from 0 to 1, not ${JSON.stringify(raw.score)}`;
  return { itemId: raw.item_id, score: raw.score };
}

/**
 * Reads a model's `{"relevant": [{"item_id", "score"}]}`, best first. Ids of items it was not shown
 * are dropped (a model cannot add items to the answer); an item listed twice keeps its higher score;
 * a malformed entry or a score outside 0..1 refuses the answer.
 */
export function readItemRelevance(text: string, shownItemIds: readonly string[]): ItemRelevanceReading {
  const answer = answerObjectIn(text);
  if (!answer || !Array.isArray(answer.relevant)) return { ok: false, problem: 'the answer holds no JSON object with a "relevant" list' };
  const read = answer.relevant.map(relevantFrom);
  const problems = read.filter((entry): entry is string => typeof entry === 'string');
  if (problems.length > 0) return { ok: false, problem: problemOf(problems) };
  const shown = new Set(shownItemIds);
  const scores = new Map<string, number>();
  for (const { itemId, score } of read as RelevantItem[]) if (shown.has(itemId)) scores.set(itemId, Math.max(scores.get(itemId) ?? 0, score));
  // Stable sort: equal scores keep the model's order.
  return { ok: true, relevant: [...scores].map(([itemId, score]) => ({ itemId, score })).sort((a, b) => b.score - a.score) };
}
