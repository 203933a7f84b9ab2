import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { causedBy, EventPublisher, JetStreamContext, OnEvent } from '@sigil/messaging';
import { deliveryOf, UnitOfWork } from '@sigil/persistence';
import type { RouteDecided } from '@sigil/schemas';
import { DataSource } from 'typeorm';
import { findContract } from '../contracts/contract-lookup';
import { ParsedContracts } from '../contracts/parsed-contracts';
import { NO_LEARNING, recentLearning } from '../learning/validation-history';
import { chooseContract, routedChoice } from './contract-choice';
import { asksNothing, overridesOf } from './run-overrides';
import { runSelectedStatement, saveRunSelectionAtCommit, storeRunSelection } from './run-selections';
import { selectionOutcome, type SelectionOutcome } from './selection-outcome';

/**
 * Chooses each run's contract from its route alone: the router copies the request's contract
 * overrides into the route, so selection waits for no second message (ADR 0010). A route that
 * switches contracts off for a run that asks for none leaves selection out: the route is the run's
 * record that no contract applies, and the planner starts without one (ADR 0008).
 */
@Controller()
export class SelectionController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly parsed: ParsedContracts,
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
  ) {}

  @OnEvent(Events.RouteDecided)
  async onRouteDecided(@Payload() route: RouteDecided, @Ctx() context: JetStreamContext): Promise<void> {
    const overrides = overridesOf(route);
    if (asksNothing(overrides)) {
      if (!route.useContracts) return;
      const choice = routedChoice(route);
      if (choice.kind === 'none') return this.selectNone(route, selectionOutcome(route, choice, NO_LEARNING), context);
    }
    const delivery = deliveryOf(context);
    await this.unitOfWork.handle(
      delivery,
      async (tx, [run]) => {
        // A run routed again keeps its first selection, which was announced and stands.
        if (run.selected) return;
        const choice = await chooseContract(route, overrides, (name) => findContract(tx, this.parsed, tx.tenantId, name));
        const learns = choice.kind === 'contract' && !choice.inline;
        const learning = learns ? await recentLearning(tx, tx.tenantId, choice.contract.name, Date.now()) : NO_LEARNING;
        const { selection, selected } = selectionOutcome(route, choice, learning);
        saveRunSelectionAtCommit(tx, route.runId, selection, delivery.envelope.id);
        tx.emit(Events.ContractSelected, selected);
      },
      runSelectedStatement(delivery.envelope.tenantId, route.runId),
    );
  }

  /**
   * No contract for a route with contracts on (an intent that needs none), and nothing asked. Nothing
   * is read, so the selection is one statement and a publish, not a unit of work, at the moment the
   * run's recall and the planner's first unit need the cores too (ADR 0012). Its id derives from
   * the route's, so a redelivery's announcement is a duplicate JetStream drops (the planner's inbox
   * after the stream's window).
   */
  private async selectNone(route: RouteDecided, { selection, selected }: SelectionOutcome, context: JetStreamContext): Promise<void> {
    const { envelope } = context;
    if (!(await storeRunSelection(this.dataSource, envelope.tenantId, route.runId, selection, envelope.id))) return;
    await this.publisher.publish(Events.ContractSelected, selected, causedBy(envelope, 'selected'));
  }
}
