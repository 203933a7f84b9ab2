import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { RouteDecidedSchema, type RouteDecided } from '@sigil/schemas';
import type { Sql } from '@sigil/persistence';

/**
 * The route and the request of a run reach contracts in either order (the router can be faster
 * than this service's own request consumer). Both handlers take this lock first, so the second of
 * the two always sees what the first stored, and selection happens exactly when both are there.
 */
export async function lockRun(sql: Sql, tenantId: string, runId: string): Promise<void> {
  await sql.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`contracts-run:${tenantId}:${runId}`]);
}

export async function savePendingRoute(sql: Sql, tenantId: string, route: RouteDecided): Promise<void> {
  await sql.query(`INSERT INTO contracts.pending_routes (tenant_id, run_id, route) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, run_id) DO NOTHING`, [
    tenantId,
    route.runId,
    Buffer.from(toBinary(RouteDecidedSchema, route)),
  ]);
}

/** The route that waited for this run's request, removed as it is taken. */
export async function takePendingRoute(sql: Sql, tenantId: string, runId: string): Promise<RouteDecided | undefined> {
  // Read then delete under the run's lock: TypeORM answers a DELETE … RETURNING as [rows, count], not rows.
  const [row] = await sql.query<{ route: Buffer }>(`SELECT route FROM contracts.pending_routes WHERE tenant_id = $1 AND run_id = $2`, [tenantId, runId]);
  if (!row) return undefined;
  await sql.query(`DELETE FROM contracts.pending_routes WHERE tenant_id = $1 AND run_id = $2`, [tenantId, runId]);
  return fromBinary(RouteDecidedSchema, new Uint8Array(row.route));
}
