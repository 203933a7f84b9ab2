import type { MessageInitShape } from '@bufbuild/protobuf';
import type { SearchMemoryRequestSchema, StoreResourceRequestSchema } from '@sigil/schemas';
import { createHash } from 'node:crypto';
import type { SearchMemoryDto, StoreResourceDto } from './memory-dtos';

/**
 * Memory's own idempotency key for a POST's Idempotency-Key: the gateway's record of the first
 * response can lapse or be lost, the resource stored once cannot. Keyed per caller, as the
 * gateway's record is, and never equal to memory's own keys (`run:<id>`).
 */
export function resourceStorageKey(callerSubject: string, idempotencyKey: string | undefined): string {
  if (idempotencyKey === undefined) return '';
  return `api:${createHash('sha256').update(`${callerSubject}\n${idempotencyKey}`).digest('hex')}`;
}

export function resourceStorage(dto: StoreResourceDto, idempotencyKey: string): MessageInitShape<typeof StoreResourceRequestSchema> {
  return {
    resourceType: dto.resource_type,
    content: dto.content,
    metadataJson: JSON.stringify(dto.metadata ?? {}),
    sessionId: dto.session_id ?? '',
    subjectId: dto.subject_id ?? '',
    idempotencyKey,
  };
}

/** Unset fields stay empty (k 0): memory applies its defaults (hybrid, 5). */
export function searchRequest(dto: SearchMemoryDto): MessageInitShape<typeof SearchMemoryRequestSchema> {
  const filters = dto.filters ?? {};
  return {
    query: dto.query,
    mode: dto.mode ?? '',
    k: dto.k ?? 0,
    sessionId: filters.session_id ?? '',
    category: filters.category ?? '',
    createdAfter: filters.created_after ?? '',
    createdBefore: filters.created_before ?? '',
  };
}
