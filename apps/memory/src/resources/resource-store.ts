import { create } from '@bufbuild/protobuf';
import type { Sql } from '@sigil/persistence';
import { type Resource, ResourceSchema } from '@sigil/schemas';
import type { NewResource, ResourceType } from './resource-request';

export type ExtractionStatus = 'pending' | 'extracted' | 'failed';

/** A stored resource as the table holds it. */
export interface ResourceRow {
  id: string;
  resource_type: ResourceType;
  content: string;
  metadata: Record<string, unknown>;
  session_id: string | null;
  subject_id: string | null;
  run_id: string | null;
  extraction_status: ExtractionStatus;
  created_at: Date;
}

export interface StoredResource {
  resourceId: string;
  /** False when the idempotency key had already stored a resource, which is the one returned. */
  created: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stores the resource once per idempotency key and tenant; a repeated key returns the first resource whatever its content. */
export async function storeResource(sql: Sql, tenantId: string, resource: NewResource): Promise<StoredResource> {
  const inserted = await sql.query<{ id: string }>(
    `INSERT INTO memory.resources (tenant_id, resource_type, content, metadata, session_id, subject_id, run_id, idempotency_key)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
     ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
     RETURNING id::text AS id`,
    [tenantId, resource.resourceType, resource.content, resource.metadata, resource.sessionId, resource.subjectId, resource.runId, resource.idempotencyKey],
  );
  if (inserted.length > 0) return { resourceId: inserted[0].id, created: true };
  // Only a key conflict inserts nothing; the conflicting row has committed by the time this statement runs.
  const [first] = await sql.query<{ id: string }>(`SELECT id::text AS id FROM memory.resources WHERE tenant_id = $1 AND idempotency_key = $2`, [
    tenantId,
    resource.idempotencyKey,
  ]);
  if (!first) throw new Error(`the resource stored under idempotency key ${resource.idempotencyKey} is gone`);
  return { resourceId: first.id, created: false };
}

/** The tenant's resource; an id that is not a UUID names no resource. */
export async function findResource(sql: Sql, tenantId: string, resourceId: string): Promise<ResourceRow | undefined> {
  if (!UUID.test(resourceId)) return undefined;
  const [row] = await sql.query<ResourceRow>(
    `SELECT id::text AS id, resource_type, content, metadata, session_id, subject_id, run_id, extraction_status, created_at
     FROM memory.resources WHERE tenant_id = $1 AND id = $2`,
    [tenantId, resourceId],
  );
  return row;
}

/** The items extracted from the resource, in the order they were extracted. */
async function itemIdsOf(sql: Sql, tenantId: string, resourceId: string): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `SELECT id::text AS id FROM memory.memory_items WHERE tenant_id = $1 AND source_resource_id = $2 ORDER BY vector_label`,
    [tenantId, resourceId],
  );
  return rows.map((row) => row.id);
}

/** The tenant's resource with the ids of the items extracted from it, or undefined when there is none. */
export async function getResource(sql: Sql, tenantId: string, resourceId: string): Promise<Resource | undefined> {
  const row = await findResource(sql, tenantId, resourceId);
  if (!row) return undefined;
  return create(ResourceSchema, {
    resourceId: row.id,
    resourceType: row.resource_type,
    content: row.content,
    metadataJson: JSON.stringify(row.metadata),
    sessionId: row.session_id ?? '',
    subjectId: row.subject_id ?? '',
    runId: row.run_id ?? '',
    createdAt: row.created_at.toISOString(),
    extractionStatus: row.extraction_status,
    itemIds: await itemIdsOf(sql, tenantId, row.id),
  });
}
