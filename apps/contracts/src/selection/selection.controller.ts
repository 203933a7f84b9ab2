import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { JetStreamContext, OnEvent } from '@sigil/messaging';
import { deliveryOf, UnitOfWork } from '@sigil/persistence';
import type { RouteDecided } from '@sigil/schemas';
import { findContract } from '../contracts/contract-lookup';
import { ParsedContracts } from '../contracts/parsed-contracts';
import { NO_LEARNING, recentLearning } from '../learning/validation-history';
import { chooseContract } from './contract-choice';
import { overridesOf } from './run-overrides';
import { runSelectedStatement, saveRunSelectionAtCommit } from './run-selections';
import { selectionOutcome } from './selection-outcome';

/**
 * Chooses each run's contract from its route alone: the router copies the request's contract
 * overrides into the route, so selection waits for no second message (ADR 0010).
 */
@Controller()
export class SelectionController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly parsed: ParsedContracts,
  ) {}

  @OnEvent(Events.RouteDecided)
  async onRouteDecided(@Payload() route: RouteDecided, @Ctx() context: JetStreamContext): Promise<void> {
    const delivery = deliveryOf(context);
    await this.unitOfWork.handle(
      delivery,
      async (tx, [run]) => {
        // A run routed again keeps its first selection, which was announced and stands.
        if (run.selected) return;
        const choice = await chooseContract(route, overridesOf(route), (name) => findContract(tx, this.parsed, tx.tenantId, name));
        const learns = choice.kind === 'contract' && !choice.inline;
        const learning = learns ? await recentLearning(tx, tx.tenantId, choice.contract.name, Date.now()) : NO_LEARNING;
        const { selection, selected } = selectionOutcome(route, choice, learning);
        saveRunSelectionAtCommit(tx, route.runId, selection);
        tx.emit(Events.ContractSelected, selected);
      },
      runSelectedStatement(delivery.envelope.tenantId, route.runId),
    );
  }
}
