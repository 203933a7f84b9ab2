import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { JetStreamContext, OnEvent } from '@sigil/messaging';
import { deliveryOf, UnitOfWork, type TenantTransaction } from '@sigil/persistence';
import type { RouteDecided, RunRequested } from '@sigil/schemas';
import { findContract } from '../contracts/contract-lookup';
import { ParsedContracts } from '../contracts/parsed-contracts';
import { NO_LEARNING, recentLearning } from '../learning/validation-history';
import { chooseContract } from './contract-choice';
import { lockRunStatement, savePendingRouteAtCommit, takePendingRoute } from './pending-routes';
import { findRunRequest, overridesOf, saveRunRequestAtCommit, type RunOverrides } from './run-requests';
import { saveRunSelectionAtCommit } from './run-selections';
import { selectionOutcome } from './selection-outcome';

/** Chooses each run's contract once it is routed and its request is known, honouring what the request asked for. */
@Controller()
export class SelectionController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly parsed: ParsedContracts,
  ) {}

  @OnEvent(Events.RunRequested)
  async onRunRequested(@Payload() run: RunRequested, @Ctx() context: JetStreamContext): Promise<void> {
    const delivery = deliveryOf(context);
    await this.unitOfWork.handle(
      delivery,
      async (tx) => {
        const overrides = overridesOf(run);
        saveRunRequestAtCommit(tx, run.runId, overrides);
        // A route waits only while the request is unseen, and nothing selects before the request is seen.
        const route = await takePendingRoute(tx, run.runId);
        if (route) await this.select(tx, route, overrides);
      },
      lockRunStatement(delivery.envelope.tenantId, run.runId),
    );
  }

  @OnEvent(Events.RouteDecided)
  async onRouteDecided(@Payload() route: RouteDecided, @Ctx() context: JetStreamContext): Promise<void> {
    const delivery = deliveryOf(context);
    await this.unitOfWork.handle(
      delivery,
      async (tx) => {
        const request = await findRunRequest(tx, route.runId);
        // The router answers the same request this service stores; when it is faster, the route waits for the request.
        if (!request) savePendingRouteAtCommit(tx, route);
        // A repeated route decision for the run changes nothing: the first selection was announced and stands.
        else if (!request.selected) await this.select(tx, route, request.overrides);
      },
      lockRunStatement(delivery.envelope.tenantId, route.runId),
    );
  }

  private async select(tx: TenantTransaction, route: RouteDecided, overrides: RunOverrides): Promise<void> {
    const choice = await chooseContract(route, overrides, (name) => findContract(tx, this.parsed, tx.tenantId, name));
    const learns = choice.kind === 'contract' && !choice.inline;
    const learning = learns ? await recentLearning(tx, tx.tenantId, choice.contract.name, Date.now()) : NO_LEARNING;
    const { selection, selected } = selectionOutcome(route, choice, learning);
    saveRunSelectionAtCommit(tx, route.runId, selection);
    tx.emit(Events.ContractSelected, selected);
  }
}
