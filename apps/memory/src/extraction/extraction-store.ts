import type { Sql } from '@sigil/persistence';
import type { ExtractionStatus } from '../resources/resource-store';

/**
 * Locks the resource for recording its extraction and says whether it still awaits one: it may
 * have been extracted by an earlier delivery or erased while the model was answering.
 */
export async function lockPendingResource(sql: Sql, tenantId: string, resourceId: string): Promise<boolean> {
  const [row] = await sql.query<{ extraction_status: ExtractionStatus }>(
    `SELECT extraction_status FROM memory.resources WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [tenantId, resourceId],
  );
  return row?.extraction_status === 'pending';
}

export async function recordExtraction(sql: Sql, tenantId: string, resourceId: string, outcome: { status: 'extracted' } | { status: 'failed'; error: string }): Promise<void> {
  await sql.query(`UPDATE memory.resources SET extraction_status = $3, extraction_error = $4 WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    resourceId,
    outcome.status,
    outcome.status === 'failed' ? outcome.error : null,
  ]);
}
