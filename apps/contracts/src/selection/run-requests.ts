import type { RunRequested } from '@sigil/schemas';
import { inlineSql, type TenantTransaction } from '@sigil/persistence';

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

/** The run's stored request, and whether the run has its selection already; undefined before the request is stored. */
export async function findRunRequest(tx: TenantTransaction, runId: string): Promise<{ overrides: RunOverrides; selected: boolean } | undefined> {
  const [row] = await tx.query<{ contract_name: string | null; contract_json: string | null; force_strategy: string | null; selected: boolean }>(
    `SELECT request.contract_name, request.contract_json, request.force_strategy,
            EXISTS (SELECT 1 FROM contracts.run_contracts chosen WHERE chosen.tenant_id = request.tenant_id AND chosen.run_id = request.run_id) AS selected
     FROM contracts.run_requests request WHERE request.tenant_id = $1 AND request.run_id = $2`,
    [tx.tenantId, runId],
  );
  return row && { overrides: { contractName: row.contract_name, contractJson: row.contract_json, forceStrategy: row.force_strategy }, selected: row.selected };
}
