import type { RunRequested } from '@sigil/schemas';
import { inlineSql, type Sql, type TenantTransaction } from '@sigil/persistence';

/** What POST /v7/contracts/execute asked of a run; null where it asked nothing. */
export interface RunOverrides {
  contractName: string | null;
  contractJson: string | null;
  forceStrategy: string | null;
}

/** proto3 sends an unset field as ''. */
const given = (value: string) => (value === '' ? null : value);

export function overridesOf(run: RunRequested): RunOverrides {
  return { contractName: given(run.contractName), contractJson: given(run.contractJson), forceStrategy: given(run.forceStrategy) };
}


/** Every run gets a row, overrides or not: its presence tells the route handler the request was seen. */
export function saveRunRequestAtCommit(tx: TenantTransaction, runId: string, overrides: RunOverrides): void {
  tx.atCommit(
    inlineSql`INSERT INTO contracts.run_requests (tenant_id, run_id, contract_name, contract_json, force_strategy)
      VALUES (${tx.tenantId}, ${runId}, ${overrides.contractName}, ${overrides.contractJson}, ${overrides.forceStrategy})
      ON CONFLICT (tenant_id, run_id) DO NOTHING`,
  );
}

export async function findRunOverrides(sql: Sql, tenantId: string, runId: string): Promise<RunOverrides | undefined> {
  const [row] = await sql.query<{ contract_name: string | null; contract_json: string | null; force_strategy: string | null }>(
    `SELECT contract_name, contract_json, force_strategy FROM contracts.run_requests WHERE tenant_id = $1 AND run_id = $2`,
    [tenantId, runId],
  );
  return row && { contractName: row.contract_name, contractJson: row.contract_json, forceStrategy: row.force_strategy };
}
