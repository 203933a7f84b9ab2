import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { JetStreamContext, OnEvent } from '@sigil/messaging';
import type { StepRequested } from '@sigil/schemas';
import { stepConsumerOptions } from './step-consumer-options';
import { StepWorker } from './step-worker';

@Controller()
export class StepsController {
  constructor(private readonly worker: StepWorker) {}

  /** Runs one plan step; a failure of the infrastructure (Redis, the bus) throws, and the step is redelivered. */
  @OnEvent(Events.StepRequested, stepConsumerOptions(process.env))
  async onStepRequested(@Payload() step: StepRequested, @Ctx() context: JetStreamContext): Promise<void> {
    await this.worker.run(step, context.envelope, () => context.working());
  }
}
