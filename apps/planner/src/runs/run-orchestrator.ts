import { Inject, Injectable } from '@nestjs/common';
import type { HistoryTurn } from '@sigil/context';
import { decide, evolve, type RunCommand, type RunFact, type RunState } from '@sigil/planning';
import { UnitOfWork, type Delivery, type TenantTransaction } from '@sigil/persistence';
import { PLANNER_SETTINGS, type PlannerSettings } from '../settings/planner-settings';
import { KeyedBatches } from './keyed-batches';
import { PlanCache } from './plan-cache';
import { emitCommands } from './run-commands';
import { runRepository, type HistoryAsked } from './run-repository';

/** A run request's fact, completed with the session's history, which the unit's lock statement reads in its round trip. */
export interface FactWithHistory {
  historyAsked: HistoryAsked;
  withHistory: (history: HistoryTurn[]) => RunFact;
}

export type FactSource = RunFact | FactWithHistory;

const needsHistory = (fact: FactSource): fact is FactWithHistory => 'withHistory' in fact;

interface DeliveredFact {
  delivery: Delivery;
  runId: string;
  sessionId: string;
  fact: FactSource;
}

/** At most this many of a run's facts in one unit of work. */
const MAX_FACTS_PER_UNIT = 32;

/**
 * Applies facts to runs and carries out what the saga decides, exactly once per message. A run's
 * facts that arrive while one of its units is in flight (its request, route, recall and contract
 * come within milliseconds) are applied together in the next unit: one lock, one save and one
 * commit instead of one each, in turn behind the run's row lock (ADR 0012).
 */
@Injectable()
export class RunOrchestrator {
  private readonly batches = new KeyedBatches<DeliveredFact>((facts) => this.applyAll(facts), MAX_FACTS_PER_UNIT);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly planCache: PlanCache,
    @Inject(PLANNER_SETTINGS) private readonly settings: PlannerSettings,
  ) {}

  apply(delivery: Delivery, runId: string, sessionId: string, fact: FactSource): Promise<void> {
    return this.batches.submit(`${delivery.envelope.tenantId}\n${runId}`, { delivery, runId, sessionId, fact });
  }

  /** For facts about a run that cannot start one (a cancel request): an unknown run is left alone. */
  async applyToExisting(delivery: Delivery, runId: string, fact: RunFact): Promise<void> {
    await this.unitOfWork.handle(delivery, async (tx) => {
      const current = await runRepository.lockExisting(tx, runId);
      if (current) await this.advance(tx, current, fact);
    });
  }

  /** The path of a single fact, the deadline sweep's: fold it in, carry it out, save with the commit. */
  async advance(tx: TenantTransaction, current: RunState, fact: RunFact): Promise<void> {
    runRepository.saveAtCommit(tx, await this.carryOut(tx, current, fact));
  }

  private async applyAll(facts: DeliveredFact[]): Promise<void> {
    const [{ delivery, runId, sessionId }] = facts;
    // A run has one request: a batch holds its fact at most once (twice only as a redelivery of the same message).
    const historyAsked = facts.map(({ fact }) => fact).find(needsHistory)?.historyAsked;
    await this.unitOfWork.handleAll(
      facts,
      async (claimed, locked) => {
        let state = runRepository.lockedState(locked);
        for (const { fact, tx } of claimed) state = await this.carryOut(tx, state, needsHistory(fact) ? fact.withHistory(runRepository.lockedHistory(locked)) : fact);
        runRepository.saveAtCommit(claimed[claimed.length - 1].tx, state);
      },
      runRepository.lockStatement(delivery.envelope.tenantId, runId, sessionId, historyAsked),
    );
  }

  /**
   * Folds one fact in, decides, answers a plan cache lookup within the same unit of work, and emits
   * what was decided through the outbox (with the commit); the new state is the caller's to save.
   */
  private async carryOut(tx: TenantTransaction, current: RunState, fact: RunFact): Promise<RunState> {
    let { state, commands } = decide(evolve(current, fact), this.settings.run);
    const lookup = commands.find((command): command is Extract<RunCommand, { type: 'look_up_plan' }> => command.type === 'look_up_plan');
    if (lookup) {
      const looked = decide(evolve(state, { type: 'plan_looked_up', planJson: await this.planCache.lookUp(tx.tenantId, lookup) }), this.settings.run);
      state = looked.state;
      commands = [...commands, ...looked.commands];
    }
    await this.planCache.carryOut(tx.tenantId, commands);
    emitCommands(tx, state, commands);
    return state;
  }
}
