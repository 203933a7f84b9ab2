import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { JetStreamContext, OnEvent } from '@sigil/messaging';
import type { RunCompleted, RunFailed } from '@sigil/schemas';
import { TokenMeter } from './token-meter';

/** Feeds the tokens-per-minute limit from finished runs; a durable consumer shared by all gateway replicas. */
@Controller()
export class TokenUsageListener {
  constructor(private readonly meter: TokenMeter) {}

  @OnEvent(Events.RunCompleted)
  async onCompleted(@Payload() run: RunCompleted, @Ctx() context: JetStreamContext): Promise<void> {
    await this.meter.record(context.envelope.tenantId, run.runId, Number(run.tokensUsed?.totalTokens ?? 0n));
  }

  @OnEvent(Events.RunFailed)
  async onFailed(@Payload() run: RunFailed, @Ctx() context: JetStreamContext): Promise<void> {
    await this.meter.record(context.envelope.tenantId, run.runId, Number(run.tokensUsed?.totalTokens ?? 0n));
  }
}
