import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { RouteDecidedSchema, type RouteDecided } from '@sigil/schemas';
import { inlineSql, type InlineSql, type TenantTransaction } from '@sigil/persistence';

/**
 * The route and the request of a run reach contracts in either order (the router can be faster
 * than this service's own request consumer). Both handlers open their unit of work with this lock,
 * so the second of the two always sees what the first stored, and selection happens exactly when
 * both are there.
 */
export function lockRunStatement(tenantId: string, runId: string): InlineSql {
  return inlineSql`SELECT pg_advisory_xact_lock(hashtextextended(${`contracts-run:${tenantId}:${runId}`}, 0))`;
}

export function savePendingRouteAtCommit(tx: TenantTransaction, route: RouteDecided): void {
  tx.atCommit(
    inlineSql`INSERT INTO contracts.pending_routes (tenant_id, run_id, route) VALUES (${tx.tenantId}, ${route.runId}, ${toBinary(RouteDecidedSchema, route)})
      ON CONFLICT (tenant_id, run_id) DO NOTHING`,
  );
}

/** The route that waited for this run's request, removed (with the commit) as it is taken. */
export async function takePendingRoute(tx: TenantTransaction, runId: string): Promise<RouteDecided | undefined> {
  const [row] = await tx.query<{ route: Buffer }>(`SELECT route FROM contracts.pending_routes WHERE tenant_id = $1 AND run_id = $2`, [tx.tenantId, runId]);
  if (!row) return undefined;
  tx.atCommit(inlineSql`DELETE FROM contracts.pending_routes WHERE tenant_id = ${tx.tenantId} AND run_id = ${runId}`);
  return fromBinary(RouteDecidedSchema, new Uint8Array(row.route));
}
