import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { causedBy, EventPublisher, JetStreamContext, OnEvent } from '@sigil/messaging';
import { decideRoute } from '@sigil/routing';
import type { RunRequested } from '@sigil/schemas';
import { featureFlagsFromEnv } from './feature-flags';
import { routeDecidedPayload } from './route-decided';

@Controller()
export class RoutingController {
  private readonly flags = featureFlagsFromEnv();

  constructor(private readonly publisher: EventPublisher) {}

  /** Stateless: the decision's id derives from the request's, so a redelivery publishes a duplicate JetStream drops. */
  @OnEvent(Events.RunRequested)
  async onRunRequested(@Payload() run: RunRequested, @Ctx() context: JetStreamContext): Promise<void> {
    const decision = decideRoute(run.input, run.agent?.stratum, this.flags);
    await this.publisher.publish(Events.RouteDecided, routeDecidedPayload(run, decision), causedBy(context.envelope, 'routed'));
  }
}
