import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { correlationOf, EventPublisher, JetStreamContext, OnEvent } from '@sigil/messaging';
import { decideRoute } from '@sigil/routing';
import type { RunRequested } from '@sigil/schemas';
import { featureFlagsFromEnv } from './feature-flags';

@Controller()
export class RoutingController {
  private readonly flags = featureFlagsFromEnv();

  constructor(private readonly publisher: EventPublisher) {}

  /** Stateless: the decision's id derives from the request's, so a redelivery publishes a duplicate JetStream drops. */
  @OnEvent(Events.RunRequested)
  async onRunRequested(@Payload() run: RunRequested, @Ctx() context: JetStreamContext): Promise<void> {
    const decision = decideRoute(run.input, run.agent?.stratum ?? 'RTI', this.flags);
    await this.publisher.publish(
      Events.RouteDecided,
      {
        runId: run.runId,
        sessionId: run.sessionId,
        intent: decision.intent,
        intentConfidence: decision.intentConfidence,
        complexity: decision.complexity.score,
        factors: decision.complexity.factors,
        strategy: decision.strategy,
        stratum: decision.stratum,
        usePlanning: decision.usePlanning,
        useMemory: decision.useMemory,
        useContracts: decision.useContracts,
      },
      { ...correlationOf(context.envelope), id: `${context.envelope.id}:routed`, causationId: context.envelope.id },
    );
  }
}
