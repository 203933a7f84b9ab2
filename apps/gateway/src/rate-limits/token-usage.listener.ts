import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { JetStreamContext, OnEvent } from '@sigil/messaging';
import type { RunCompleted, RunFailed } from '@sigil/schemas';
import { MAX_RECORDS_PER_CALL, TokenMeter } from './token-meter';

/** As many finished runs in flight as one meter call takes, so that a busy moment's runs share a call. */
const METERING = { maxInFlight: MAX_RECORDS_PER_CALL };

/** Feeds the tokens-per-minute limit from finished runs; a durable consumer shared by all gateway replicas. */
@Controller()
export class TokenUsageListener {
  constructor(private readonly meter: TokenMeter) {}

  @OnEvent(Events.RunCompleted, METERING)
  async onCompleted(@Payload() run: RunCompleted, @Ctx() context: JetStreamContext): Promise<void> {
    await this.meter.record(context.envelope.tenantId, run.runId, Number(run.tokensUsed?.totalTokens ?? 0n));
  }

  @OnEvent(Events.RunFailed, METERING)
  async onFailed(@Payload() run: RunFailed, @Ctx() context: JetStreamContext): Promise<void> {
    await this.meter.record(context.envelope.tenantId, run.runId, Number(run.tokensUsed?.totalTokens ?? 0n));
  }
}
