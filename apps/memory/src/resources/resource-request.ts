import { charCount, type Checked, checked, idProblem } from '@sigil/memory';
import type { Envelope } from '@sigil/messaging';
import type { StoreResourceRequest } from '@sigil/schemas';

export const RESOURCE_TYPES = ['conversation', 'document', 'config', 'transcript'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];
export const MAX_RESOURCE_CHARS = 200_000;
/** The caller's metadata is bookkeeping (a source, a title), not content: a small JSON object. */
export const MAX_METADATA_BYTES = 16 * 1024;

/** A resource to store, checked; absent optional fields are null, as the table keeps them. */
export interface NewResource {
  resourceType: ResourceType;
  content: string;
  /** The metadata object as JSON text. */
  metadata: string;
  sessionId: string | null;
  subjectId: string | null;
  runId: string | null;
  idempotencyKey: string | null;
}

const isResourceType = (value: string): value is ResourceType => (RESOURCE_TYPES as readonly string[]).includes(value);

function metadataProblem(json: string): string | undefined {
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_METADATA_BYTES) return `metadata must be at most ${MAX_METADATA_BYTES} bytes of JSON, not ${bytes}`;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'metadata must be a JSON object';
  } catch {
    return 'metadata must be a JSON object';
  }
}

/**
 * Checks a store-resource request. The content is kept whole, as given (a resource is the raw
 * source), but blank content is refused; empty metadata is `{}`; an omitted session is the
 * caller's, and the run is the caller's, so a resource stored by a step belongs to its run.
 */
export function newResourceOf(request: StoreResourceRequest, caller: Pick<Envelope, 'sessionId' | 'runId'>): Checked<NewResource> {
  const metadata = request.metadataJson.trim() || '{}';
  const sessionId = request.sessionId || caller.sessionId || '';
  const runId = caller.runId || '';
  const length = request.content.trim() === '' ? 0 : charCount(request.content);
  const resourceType = request.resourceType;
  return checked(
    [
      isResourceType(resourceType) ? undefined : `resource_type must be one of ${RESOURCE_TYPES.join(', ')}, not '${resourceType}'`,
      length < 1 || length > MAX_RESOURCE_CHARS ? `content must be 1 to ${MAX_RESOURCE_CHARS} characters, not ${length}` : undefined,
      metadataProblem(metadata),
      idProblem('session_id', sessionId),
      idProblem('subject_id', request.subjectId),
      idProblem('run_id', runId),
      idProblem('idempotency_key', request.idempotencyKey),
    ],
    () => ({
      resourceType: resourceType as ResourceType,
      content: request.content,
      metadata,
      sessionId: sessionId || null,
      subjectId: request.subjectId || null,
      runId: runId || null,
      idempotencyKey: request.idempotencyKey || null,
    }),
  );
}
