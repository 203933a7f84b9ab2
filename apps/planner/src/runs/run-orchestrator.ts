import { Injectable } from '@nestjs/common';
import { decide, evolve, type RunFact } from '@sigil/planning';
import { UnitOfWork, type Delivery } from '@sigil/persistence';
import { emitCommands } from './run-commands';
import { runRepository } from './run-repository';

/** Applies one fact to a run and carries out what the saga decides, exactly once per message. */
@Injectable()
export class RunOrchestrator {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async apply(delivery: Delivery, runId: string, sessionId: string, fact: RunFact): Promise<void> {
    await this.unitOfWork.handle(delivery, async (tx) => {
      const current = await runRepository.lock(tx, runId, sessionId);
      const { state, commands } = decide(evolve(current, fact));
      emitCommands(tx, state, commands);
      await runRepository.save(tx, state);
    });
  }
}
