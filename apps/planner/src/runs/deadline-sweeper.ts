import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { RunState } from '@sigil/planning';
import { UnitOfWork, type Delivery, type TenantTransaction } from '@sigil/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RunOrchestrator } from './run-orchestrator';
import { runRepository, SWEPT_STATUSES } from './run-repository';

export const SWEEP_INTERVAL_MS = 1_000;
/** Runs cancelled per sweep transaction; the next second takes the rest. */
export const SWEEP_BATCH = 50;
const SWEEPER = 'planner-deadline-sweeper';

/** The sweep's own delivery: the inbox records it like any message, for every tenant at once. */
function sweepDelivery(nowMs: number): Delivery {
  return {
    consumerName: SWEEPER,
    envelope: { id: `${SWEEPER}:${nowMs}:${randomUUID()}`, type: 'sigil.planner.deadline_sweep', source: 'planner', time: new Date(nowMs).toISOString(), dataSchema: '', tenantId: '*' },
  };
}

/** The sweep's transaction as one run's tenant sees it: its events carry that run's tenant, session and run. */
function asRunTransaction(tx: TenantTransaction, tenantId: string, state: RunState): TenantTransaction {
  return {
    tenantId,
    query: (sql, params) => tx.query(sql, params),
    emit: (event, payload, options) => tx.emit(event, payload, { tenantId, sessionId: state.sessionId, runId: state.runId, ...options }),
    atCommit: (statement) => tx.atCommit(statement),
  };
}

/**
 * Every second, on every replica: active runs past their deadline are cancelled (RUN_005) through
 * the orchestrator's own path. Rows are locked with SKIP LOCKED, so replicas share the work and a
 * run a fact handler holds is taken next time; the cancellation is a state change under the row
 * lock, so it happens once, and its event id derives from the run.
 */
@Injectable()
export class DeadlineSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeadlineSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly orchestrator: RunOrchestrator,
  ) {}

  /** Bootstrap hooks run again when the microservice starts on the same container: one timer only. */
  onApplicationBootstrap(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweepNow(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /** Before the platform closes its connections. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  /** One sweep; a sweep still running is waited for rather than overlapped. */
  sweepNow(): Promise<number> {
    this.sweeping ??= this.sweep(Date.now())
      .catch((error: unknown) => {
        this.logger.warn(`deadline sweep will retry: ${error instanceof Error ? error.message : String(error)}`);
        return 0;
      })
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweep(nowMs: number): Promise<number> {
    // Most seconds nothing is due: a plain read then, and no transaction or inbox row.
    const due: unknown[] = await this.dataSource.query(`SELECT 1 FROM planner.runs WHERE status IN (${SWEPT_STATUSES}) AND deadline_ms < $1 LIMIT 1`, [nowMs]);
    if (due.length === 0) return 0;
    const result = await this.unitOfWork.handle(sweepDelivery(nowMs), async (tx) => {
      const runs = await runRepository.lockPastDeadline(tx, nowMs, SWEEP_BATCH);
      for (const { tenantId, state } of runs) await this.orchestrator.advance(asRunTransaction(tx, tenantId, state), state, { type: 'deadline_passed', atMs: nowMs });
      return runs.length;
    });
    const cancelled = result.status === 'processed' ? result.value : 0;
    if (cancelled > 0) this.logger.log(`cancelled ${cancelled} run(s) past their deadline`);
    return cancelled;
  }
}
