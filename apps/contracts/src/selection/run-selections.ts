import type { FailureStrategy } from '@sigil/contracts';
import { inlineSql, type InlineSql, type Sql, type TenantTransaction } from '@sigil/persistence';
import type { VerdictError } from './selection-errors';

/** What a run was held to, kept so that its validation uses exactly that, whatever changes later. */
export interface RunSelection {
  /** Null when no contract applies; for a refused override, the name asked for (if any). */
  contractName: string | null;
  /** The selected contract's wire JSON at selection time; null when none applies. */
  contractJson: string | null;
  inline: boolean;
  failureStrategy: FailureStrategy;
  maxRetries: number;
  tokenBudget: number;
  requiredFields: string[];
  reason: string;
  complexity: number;
  /** Why the run cannot be held to what was asked (a refused override); empty when it can. */
  selectionErrors: VerdictError[];
}

/** What validating the run's output needs of its selection. */
export type RunContract = Pick<RunSelection, 'contractName' | 'contractJson' | 'inline' | 'failureStrategy' | 'maxRetries' | 'tokenBudget' | 'selectionErrors'>;

interface RunContractRow {
  contract_name: string | null;
  contract_json: string | null;
  inline_contract: boolean;
  failure_strategy: FailureStrategy;
  max_retries: number;
  token_budget: number;
  selection_errors: VerdictError[] | null;
}

/**
 * Opens a route's unit of work: whether the run has its selection already (one row, `selected`).
 * A route's id derives from its request's, so the same route is one message (JetStream's duplicate
 * window, then the inbox); this check is for a run routed again under another id.
 */
export function runSelectedStatement(tenantId: string, runId: string): InlineSql {
  return inlineSql`SELECT EXISTS (SELECT 1 FROM contracts.run_contracts WHERE tenant_id = ${tenantId} AND run_id = ${runId}) AS selected`;
}

const selectionInsert = (tenantId: string, runId: string, selection: RunSelection, selectedBy: string): InlineSql => {
  const selectionErrors = selection.selectionErrors.length > 0 ? JSON.stringify(selection.selectionErrors) : null;
  return inlineSql`INSERT INTO contracts.run_contracts
       (tenant_id, run_id, contract_name, contract, inline_contract, failure_strategy, max_retries, token_budget, required_fields, reason, complexity, selection_errors, selected_by)
     VALUES (${tenantId}, ${runId}, ${selection.contractName}, ${selection.contractJson}, ${selection.inline}, ${selection.failureStrategy}, ${selection.maxRetries},
       ${selection.tokenBudget}, ${JSON.stringify(selection.requiredFields)}, ${selection.reason}, ${selection.complexity}, ${selectionErrors}, ${selectedBy})`;
};

/**
 * Stores the run's selection with the commit, as made by the route message `selectedBy`; the
 * conflict clause keeps the first should two routes of a run race.
 */
export function saveRunSelectionAtCommit(tx: TenantTransaction, runId: string, selection: RunSelection, selectedBy: string): void {
  tx.atCommit(`${selectionInsert(tx.tenantId, runId, selection, selectedBy)} ON CONFLICT (tenant_id, run_id) DO NOTHING` as InlineSql);
}

/**
 * Stores the run's selection unless the run has one, in one statement outside any transaction, and
 * says whether the stored one is this route's: true for the first route of the run and for its
 * redelivery (whose first delivery may have stored it and stopped before announcing it), false for
 * another route of the run, whose selection must not be announced over the first.
 */
export async function storeRunSelection(sql: Sql, tenantId: string, runId: string, selection: RunSelection, selectedBy: string): Promise<boolean> {
  const [row] = await sql.query<{ selected_by: string | null }>(
    `${selectionInsert(tenantId, runId, selection, selectedBy)}
     ON CONFLICT (tenant_id, run_id) DO UPDATE SET selected_by = contracts.run_contracts.selected_by RETURNING selected_by`,
  );
  return row?.selected_by === selectedBy;
}

export async function findRunContract(sql: Sql, tenantId: string, runId: string): Promise<RunContract | undefined> {
  const [row] = await sql.query<RunContractRow>(
    `SELECT contract_name, contract::text AS contract_json, inline_contract, failure_strategy, max_retries, token_budget, selection_errors
     FROM contracts.run_contracts WHERE tenant_id = $1 AND run_id = $2`,
    [tenantId, runId],
  );
  return (
    row && {
      contractName: row.contract_name,
      contractJson: row.contract_json,
      inline: row.inline_contract,
      failureStrategy: row.failure_strategy,
      maxRetries: row.max_retries,
      tokenBudget: row.token_budget,
      selectionErrors: row.selection_errors ?? [],
    }
  );
}
