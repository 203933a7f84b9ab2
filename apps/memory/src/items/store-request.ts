import type { Envelope } from '@sigil/messaging';
import { categoryProblem, type Checked, checked, confidenceProblem, contentProblem, DEFAULT_CATEGORY, idProblem } from '@sigil/memory';
import type { StoreMemoryRequest } from '@sigil/schemas';

/** An item to store, checked; absent optional fields are null, as the table keeps them. */
export interface NewItem {
  content: string;
  category: string;
  confidence: number;
  sessionId: string | null;
  runId: string | null;
  idempotencyKey: string | null;
}

/**
 * Checks a store request. Content is trimmed (surrounding whitespace says nothing); an omitted
 * category is `general`; an unset confidence (0) is 1, an item stated directly; an omitted session
 * or run is the caller's own, from the envelope, so a tool call's item belongs to the run that made it.
 */
export function newItemOf(request: StoreMemoryRequest, caller: Pick<Envelope, 'sessionId' | 'runId'>): Checked<NewItem> {
  const content = request.content.trim();
  const category = request.category || DEFAULT_CATEGORY;
  const confidence = request.confidence || 1;
  const sessionId = request.sessionId || caller.sessionId || '';
  const runId = request.runId || caller.runId || '';
  return checked(
    [
      contentProblem(content),
      categoryProblem(category),
      confidenceProblem(confidence),
      idProblem('session_id', sessionId),
      idProblem('run_id', runId),
      idProblem('idempotency_key', request.idempotencyKey),
    ],
    () => ({ content, category, confidence, sessionId: sessionId || null, runId: runId || null, idempotencyKey: request.idempotencyKey || null }),
  );
}
