import type { EraseMemoryRequest } from '@sigil/schemas';
import { type Checked, checked, idProblem } from '@sigil/memory';

/** What an erasure removes: everything memory holds from one session, or about one data subject. */
export interface ErasureScope {
  scope: 'session' | 'subject';
  scopeId: string;
}

/** Exactly one of session_id and subject_id names the scope; an erasure never widens to "everything". */
export function erasureScopeOf(request: EraseMemoryRequest): Checked<ErasureScope> {
  const named = [request.sessionId && 'session_id', request.subjectId && 'subject_id'].filter(Boolean);
  return checked(
    [
      named.length === 1 ? undefined : `exactly one of session_id and subject_id must be given, not ${named.length === 0 ? 'neither' : 'both'}`,
      idProblem('session_id', request.sessionId),
      idProblem('subject_id', request.subjectId),
    ],
    () => (request.sessionId ? { scope: 'session', scopeId: request.sessionId } : { scope: 'subject', scopeId: request.subjectId }),
  );
}
