import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { JetStreamContext, OnEvent } from '@sigil/messaging';
import { deliveryOf, UnitOfWork } from '@sigil/persistence';
import type { RecallRequested } from '@sigil/schemas';
import { searchItems } from '../items/item-store';
import { recallOf } from './recall-request';
import { withinAllowance } from './token-allowance';

/** Answers the planner's recall for a run with the items that fit its allowance, best first. */
@Controller()
export class RecallController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Exactly one `Recalled` per request, even when nothing is found (the planner waits for it): the
   * answer goes through the outbox with the request's inbox row, and its id derives from the request's.
   */
  @OnEvent(Events.RecallRequested)
  async onRecallRequested(@Payload() request: RecallRequested, @Ctx() context: JetStreamContext): Promise<void> {
    const recall = recallOf(request);
    await this.unitOfWork.handle(deliveryOf(context), async (tx) => {
      const hits = recall.criteria ? await searchItems(tx, tx.tenantId, recall.criteria) : [];
      const { items, tokens } = withinAllowance(hits, recall.maxTokens);
      tx.emit(Events.Recalled, { runId: request.runId, sessionId: request.sessionId, items, tokens: BigInt(tokens) }, { id: `${context.envelope.id}:recalled` });
    });
  }
}
