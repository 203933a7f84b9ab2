import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { JetStreamContext, OnEvent } from '@sigil/messaging';
import { deliveryOf, UnitOfWork } from '@sigil/persistence';
import type { RouteDecided, RunRequested } from '@sigil/schemas';
import { AWAITS_EARLIER_EVENT } from '../bus-delivery';
import { findContract } from '../contracts/contract-lookup';
import { ParsedContracts } from '../contracts/parsed-contracts';
import { NO_LEARNING, recentLearning } from '../learning/validation-history';
import { chooseContract } from './contract-choice';
import { findRunOverrides, overridesOf, saveRunRequest } from './run-requests';
import { saveRunSelection } from './run-selections';
import { selectionOutcome } from './selection-outcome';

/** Chooses each run's contract once it is routed, honouring what the run request asked for. */
@Controller()
export class SelectionController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly parsed: ParsedContracts,
  ) {}

  @OnEvent(Events.RunRequested)
  async onRunRequested(@Payload() run: RunRequested, @Ctx() context: JetStreamContext): Promise<void> {
    await this.unitOfWork.handle(deliveryOf(context), (tx) => saveRunRequest(tx, tx.tenantId, run.runId, overridesOf(run)));
  }

  @OnEvent(Events.RouteDecided, AWAITS_EARLIER_EVENT)
  async onRouteDecided(@Payload() route: RouteDecided, @Ctx() context: JetStreamContext): Promise<void> {
    await this.unitOfWork.handle(deliveryOf(context), async (tx) => {
      const overrides = await findRunOverrides(tx, tx.tenantId, route.runId);
      // The router answers the same request this service stores; when it is faster, the route comes back later.
      if (!overrides) throw new Error(`run ${route.runId} was routed before its request reached contracts`);
      const choice = await chooseContract(route, overrides, (name) => findContract(tx, this.parsed, tx.tenantId, name));
      const learns = choice.kind === 'contract' && !choice.inline;
      const learning = learns ? await recentLearning(tx, tx.tenantId, choice.contract.name, Date.now()) : NO_LEARNING;
      const { selection, selected } = selectionOutcome(route, choice, learning);
      // A repeated route decision for the run changes nothing: the first selection was announced and stands.
      if (await saveRunSelection(tx, tx.tenantId, route.runId, selection)) tx.emit(Events.ContractSelected, selected);
    });
  }
}
