import type { Envelope } from '@sigil/messaging';
import type { StoreMemoryRequest } from '@sigil/schemas';
import { categoryProblem, charCount, type Checked, checked, DEFAULT_CATEGORY, idProblem, MAX_CONTENT_CHARS } from './memory-rules';

/** An item to store, checked; absent optional fields are null, as the table keeps them. */
export interface NewItem {
  content: string;
  category: string;
  sessionId: string | null;
  runId: string | null;
  idempotencyKey: string | null;
}

/**
 * Checks a store request. Content is trimmed (surrounding whitespace says nothing); an omitted
 * category is `general`; an omitted session or run is the caller's own, from the envelope, so a
 * tool call's item belongs to the run that made it.
 */
export function newItemOf(request: StoreMemoryRequest, caller: Pick<Envelope, 'sessionId' | 'runId'>): Checked<NewItem> {
  const content = request.content.trim();
  const category = request.category || DEFAULT_CATEGORY;
  const sessionId = request.sessionId || caller.sessionId || '';
  const runId = request.runId || caller.runId || '';
  const length = charCount(content);
  return checked(
    [
      length < 1 || length > MAX_CONTENT_CHARS ? `content must be 1 to ${MAX_CONTENT_CHARS} characters, not ${length}` : undefined,
      categoryProblem(category),
      idProblem('session_id', sessionId),
      idProblem('run_id', runId),
      idProblem('idempotency_key', request.idempotencyKey),
    ],
    () => ({ content, category, sessionId: sessionId || null, runId: runId || null, idempotencyKey: request.idempotencyKey || null }),
  );
}
