import { Inject, Injectable } from '@nestjs/common';
import { decide, evolve, type RunCommand, type RunFact, type RunState } from '@sigil/planning';
import { UnitOfWork, type Delivery, type TenantTransaction } from '@sigil/persistence';
import { PLANNER_SETTINGS, type PlannerSettings } from '../settings/planner-settings';
import { PlanCache } from './plan-cache';
import { emitCommands } from './run-commands';
import { runRepository } from './run-repository';

/** A fact, or how to read it within the unit of work (the request's history is read under the run's lock). */
export type FactSource = RunFact | ((tx: TenantTransaction) => Promise<RunFact>);

/** Applies one fact to a run and carries out what the saga decides, exactly once per message. */
@Injectable()
export class RunOrchestrator {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly planCache: PlanCache,
    @Inject(PLANNER_SETTINGS) private readonly settings: PlannerSettings,
  ) {}

  async apply(delivery: Delivery, runId: string, sessionId: string, fact: FactSource): Promise<void> {
    await this.unitOfWork.handle(
      delivery,
      async (tx, locked) => this.advance(tx, runRepository.lockedState(locked), typeof fact === 'function' ? await fact(tx) : fact),
      runRepository.lockStatement(delivery.envelope.tenantId, runId, sessionId),
    );
  }

  /** For facts about a run that cannot start one (a cancel request): an unknown run is left alone. */
  async applyToExisting(delivery: Delivery, runId: string, fact: RunFact): Promise<void> {
    await this.unitOfWork.handle(delivery, async (tx) => {
      const current = await runRepository.lockExisting(tx, runId);
      if (current) await this.advance(tx, current, fact);
    });
  }

  /**
   * The one path every fact takes, the deadline sweep's included: fold it in, decide, answer a plan
   * cache lookup within the same unit of work, then emit through the outbox and save (both go with the commit).
   */
  async advance(tx: TenantTransaction, current: RunState, fact: RunFact): Promise<void> {
    let { state, commands } = decide(evolve(current, fact), this.settings.run);
    const lookup = commands.find((command): command is Extract<RunCommand, { type: 'look_up_plan' }> => command.type === 'look_up_plan');
    if (lookup) {
      const looked = decide(evolve(state, { type: 'plan_looked_up', planJson: await this.planCache.lookUp(tx.tenantId, lookup) }), this.settings.run);
      state = looked.state;
      commands = [...commands, ...looked.commands];
    }
    await this.planCache.carryOut(tx.tenantId, commands);
    emitCommands(tx, state, commands);
    runRepository.saveAtCommit(tx, state);
  }
}
