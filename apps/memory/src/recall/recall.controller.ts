import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { causedBy, EventPublisher, JetStreamContext, OnEvent } from '@sigil/messaging';
import type { RunRequested } from '@sigil/schemas';
import { MemoryRetrieval } from '../retrieval/memory-retrieval';
import { RETRIEVAL_SETTINGS, type RetrievalSettings } from '../retrieval/retrieval-settings';
import { recallOf } from './recall-request';
import { withinAllowance } from './token-allowance';

/**
 * Recalls for every run as soon as it is requested, alongside routing rather than after it: the
 * planner waits for the answer only when the route uses memory, and a recall it does not wait for is
 * ignored (ADR 0010). Items that fit the allowance, best first.
 */
@Controller()
export class RecallController {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly retrieval: MemoryRetrieval,
    @Inject(RETRIEVAL_SETTINGS) private readonly settings: RetrievalSettings,
  ) {}

  /**
   * Exactly one `Recalled` per run, even when nothing is found (the planner may wait for it). A
   * recall only reads, so it is published straight away, not through a transaction and the outbox:
   * its id derives from the request's, so a redelivery's answer is a duplicate that JetStream drops
   * (and the planner's inbox after the stream's window). The search runs in
   * SIGIL_MEMORY_RECALL_MODE, rag by default: no model call on a run's critical path.
   */
  @OnEvent(Events.RunRequested)
  async onRunRequested(@Payload() request: RunRequested, @Ctx() context: JetStreamContext): Promise<void> {
    const recall = recallOf(request.input, this.settings.recall);
    const hits = recall.search ? (await this.retrieval.search(context.envelope.tenantId, recall.search)).hits : [];
    const { items, tokens } = withinAllowance(hits, recall.maxTokens);
    await this.publisher.publish(
      Events.Recalled,
      { runId: request.runId, sessionId: request.sessionId, items, tokens: BigInt(tokens) },
      causedBy(context.envelope, 'recalled'),
    );
  }
}
