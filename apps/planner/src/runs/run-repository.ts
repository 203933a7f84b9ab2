import type { HistoryTurn } from '@sigil/context';
import { initialRunState, totalTokens, type RunState } from '@sigil/planning';
import { inlineSql, type InlineSql, type PageWindow, type TenantTransaction } from '@sigil/persistence';
import type { DataSource } from 'typeorm';
import { finishedAt, type StoredRun } from './run-view';

interface RunRow {
  state: RunState;
  created_at: Date;
}

const stored = (row: RunRow): StoredRun => ({ state: row.state, createdAt: row.created_at });

export interface TokenUsageTotals {
  runs: bigint;
  inputTokens: bigint;
  outputTokens: bigint;
  totalTokens: bigint;
}

export interface AgentRunCounts {
  total: bigint;
  running: bigint;
  completed: bigint;
  failed: bigint;
  lastRunAt?: Date;
}

/** A run request's history: the session's newest `turns` completed by the moment it was asked. */
export interface HistoryAsked {
  askedAtMs: number;
  turns: number;
}

/** The session's turns (other than the run's own) that had completed when the run was asked, the newest `turns`, as JSON oldest first. */
const sessionHistorySelect = (tenantId: string, sessionId: string, runId: string, { askedAtMs, turns }: HistoryAsked): InlineSql =>
  inlineSql`(SELECT COALESCE(json_agg(json_build_object('input', COALESCE(turn.input, ''), 'response', COALESCE(turn.response, '')) ORDER BY turn.finished_at), '[]'::json)
     FROM (SELECT state #>> '{request,input}' AS input, state #>> '{result,response}' AS response, finished_at FROM planner.runs
           WHERE tenant_id = ${tenantId} AND session_id = ${sessionId} AND run_id <> ${runId} AND status = 'completed'
             AND finished_at <= to_timestamp(${askedAtMs}::double precision / 1000)
           ORDER BY finished_at DESC LIMIT ${turns}) AS turn)`;

/** The statuses the deadline sweeper looks at: the partial index runs_by_deadline has the same predicate. */
export const SWEPT_STATUSES = `'accepted', 'planning', 'running', 'validating'`;

/** Run saga state, one row per run, always read and written for the caller's tenant (the deadline sweep aside). */
export const runRepository = {
  /**
   * Locks the run's row for this transaction, creating it if this is the first fact about the run,
   * and answers its state: the no-op DO UPDATE takes the row lock FOR UPDATE would. Values inline,
   * so it can open the unit of work in the same round trip as the inbox claim. Given a run request's
   * moment, it also answers the session's history (`lockedHistory`) in that round trip.
   */
  lockStatement(tenantId: string, runId: string, sessionId: string, historyAsked?: HistoryAsked): InlineSql {
    const initial = initialRunState(runId, sessionId);
    const history = historyAsked ? `, ${sessionHistorySelect(tenantId, sessionId, runId, historyAsked)} AS history` : '';
    return (inlineSql`INSERT INTO planner.runs (tenant_id, run_id, session_id, status, state) VALUES (${tenantId}, ${runId}, ${sessionId}, ${initial.status}, ${initial})
       ON CONFLICT (tenant_id, run_id) DO UPDATE SET updated_at = planner.runs.updated_at
       RETURNING state` + history) as InlineSql;
  },

  /** The state `lockStatement` answered with. */
  lockedState(rows: { state?: RunState }[]): RunState {
    const [row] = rows;
    if (!row?.state) throw new Error('the run lock answered no state');
    return row.state;
  },

  /** The session's history `lockStatement` answered with, oldest turn first. */
  lockedHistory(rows: { history?: HistoryTurn[] }[]): HistoryTurn[] {
    const history = rows[0]?.history;
    if (!history) throw new Error('the run lock answered no history');
    return history;
  },

  /** Locks the run's row if the run exists (a fact that cannot start a run, such as a cancel request). */
  async lockExisting(tx: TenantTransaction, runId: string): Promise<RunState | undefined> {
    const [row] = await tx.query<{ state: RunState }>(`SELECT state FROM planner.runs WHERE tenant_id = $1 AND run_id = $2 FOR UPDATE`, [tx.tenantId, runId]);
    return row?.state;
  },

  /**
   * Active runs past their deadline, locked for this transaction; rows another replica holds are
   * skipped, so replicas share the sweep. Any tenant: each row says whose it is.
   */
  async lockPastDeadline(tx: TenantTransaction, nowMs: number, limit: number): Promise<{ tenantId: string; state: RunState }[]> {
    const rows = await tx.query<{ tenant_id: string; state: RunState }>(
      `SELECT tenant_id, state FROM planner.runs
       WHERE status IN (${SWEPT_STATUSES}) AND deadline_ms < $1
       ORDER BY deadline_ms LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [nowMs, limit],
    );
    return rows.map((row) => ({ tenantId: row.tenant_id, state: row.state }));
  },

  /**
   * Writes the state and its queryable columns (agent, tokens, finish time, deadline) together, with
   * the commit: nothing in the transaction reads the row after the saga has decided.
   */
  saveAtCommit(tx: TenantTransaction, state: RunState): void {
    const tokens = totalTokens(state);
    tx.atCommit(
      inlineSql`UPDATE planner.runs
       SET state = ${state}, status = ${state.status}, agent_name = ${state.request?.agent.name ?? null},
           input_tokens = ${tokens.inputTokens}, output_tokens = ${tokens.outputTokens}, total_tokens = ${tokens.inputTokens + tokens.outputTokens},
           finished_at = ${finishedAt(state) ?? null}, deadline_ms = ${state.request?.deadlineMs || null}, updated_at = now()
       WHERE tenant_id = ${tx.tenantId} AND run_id = ${state.runId}`,
    );
  },

  async find(dataSource: DataSource, tenantId: string, runId: string): Promise<StoredRun | undefined> {
    const rows: RunRow[] = await dataSource.query(`SELECT state, created_at FROM planner.runs WHERE tenant_id = $1 AND run_id = $2`, [tenantId, runId]);
    return rows[0] && stored(rows[0]);
  },

  /** One page of a session's runs, oldest first, and how many runs the session has (one snapshot). */
  async listBySession(dataSource: DataSource, tenantId: string, sessionId: string, window: PageWindow): Promise<{ runs: StoredRun[]; total: bigint }> {
    const rows: (RunRow & { total: string; run_id: string | null })[] = await dataSource.query(
      `SELECT counted.total, paged.run_id, paged.state, paged.created_at
       FROM (SELECT count(*) AS total FROM planner.runs WHERE tenant_id = $1 AND session_id = $2) AS counted
       LEFT JOIN LATERAL (
         SELECT run_id, state, created_at FROM planner.runs
         WHERE tenant_id = $1 AND session_id = $2
         ORDER BY created_at, run_id
         LIMIT $3 OFFSET $4
       ) AS paged ON true
       ORDER BY paged.created_at, paged.run_id`,
      [tenantId, sessionId, window.limit, window.offset],
    );
    return { total: BigInt(rows[0]?.total ?? 0), runs: rows.filter((row) => row.run_id !== null).map(stored) };
  },

  /** Tokens of the tenant's runs that finished (completed, failed or cancelled) at or after the moment. */
  async tokenUsageSince(dataSource: DataSource, tenantId: string, sinceMs: number): Promise<TokenUsageTotals> {
    const [row]: Record<'runs' | 'input_tokens' | 'output_tokens' | 'total_tokens', string>[] = await dataSource.query(
      `SELECT count(*) AS runs,
              COALESCE(sum(input_tokens), 0) AS input_tokens,
              COALESCE(sum(output_tokens), 0) AS output_tokens,
              COALESCE(sum(total_tokens), 0) AS total_tokens
       FROM planner.runs
       WHERE tenant_id = $1 AND finished_at >= to_timestamp($2::double precision / 1000)`,
      [tenantId, sinceMs],
    );
    return { runs: BigInt(row.runs), inputTokens: BigInt(row.input_tokens), outputTokens: BigInt(row.output_tokens), totalTokens: BigInt(row.total_tokens) };
  },

  /** How the tenant's runs of one agent stand; a run not completed, failed or cancelled is still running. */
  async agentRunCounts(dataSource: DataSource, tenantId: string, agentName: string): Promise<AgentRunCounts> {
    const [row]: (Record<'total' | 'running' | 'completed' | 'failed', string> & { last_run_at: Date | null })[] = await dataSource.query(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE status NOT IN ('completed', 'failed', 'cancelled')) AS running,
              count(*) FILTER (WHERE status = 'completed') AS completed,
              count(*) FILTER (WHERE status = 'failed') AS failed,
              max(created_at) AS last_run_at
       FROM planner.runs
       WHERE tenant_id = $1 AND agent_name = $2`,
      [tenantId, agentName],
    );
    return {
      total: BigInt(row.total),
      running: BigInt(row.running),
      completed: BigInt(row.completed),
      failed: BigInt(row.failed),
      lastRunAt: row.last_run_at ?? undefined,
    };
  },
};
