import { initialRunState, type RunState } from '@sigil/planning';
import type { TenantTransaction } from '@sigil/persistence';
import type { DataSource } from 'typeorm';

/** Run saga state, one row per run, always read and written for the caller's tenant. */
export const runRepository = {
  /** Locks the run's row for this transaction, creating it if this is the first fact about the run. */
  async lock(tx: TenantTransaction, runId: string, sessionId: string): Promise<RunState> {
    const initial = initialRunState(runId, sessionId);
    await tx.query(
      `INSERT INTO planner.runs (tenant_id, run_id, session_id, status, state) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, run_id) DO NOTHING`,
      [tx.tenantId, runId, sessionId, initial.status, initial],
    );
    const [row] = await tx.query<{ state: RunState }>(`SELECT state FROM planner.runs WHERE tenant_id = $1 AND run_id = $2 FOR UPDATE`, [tx.tenantId, runId]);
    return row.state;
  },

  async save(tx: TenantTransaction, state: RunState): Promise<void> {
    await tx.query(`UPDATE planner.runs SET state = $3, status = $4, updated_at = now() WHERE tenant_id = $1 AND run_id = $2`, [
      tx.tenantId,
      state.runId,
      state,
      state.status,
    ]);
  },

  async find(dataSource: DataSource, tenantId: string, runId: string): Promise<RunState | undefined> {
    const rows: { state: RunState }[] = await dataSource.query(`SELECT state FROM planner.runs WHERE tenant_id = $1 AND run_id = $2`, [tenantId, runId]);
    return rows[0]?.state;
  },
};
