import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { correlationOf, EventPublisher, JetStreamContext, OnEvent } from '@sigil/messaging';
import { deterministicCompletion } from '@sigil/reasoning';
import type { StepRequested } from '@sigil/schemas';

@Controller()
export class StepsController {
  constructor(private readonly publisher: EventPublisher) {}

  /** Runs one plan step; the result's id derives from the request's, so a redelivery is a dropped duplicate. */
  @OnEvent(Events.StepRequested)
  async onStepRequested(@Payload() step: StepRequested, @Ctx() context: JetStreamContext): Promise<void> {
    const completion = deterministicCompletion({ system: step.systemPrompt, prompt: step.prompt, maxOutputTokens: Number(step.maxOutputTokens) });
    await this.publisher.publish(
      Events.StepCompleted,
      {
        runId: step.runId,
        sessionId: step.sessionId,
        stepId: step.stepId,
        output: completion.text,
        tokensUsed: {
          inputTokens: BigInt(completion.inputTokens),
          outputTokens: BigInt(completion.outputTokens),
          totalTokens: BigInt(completion.inputTokens + completion.outputTokens),
        },
        modelUsed: completion.model,
        strategy: step.strategy,
      },
      { ...correlationOf(context.envelope), id: `${context.envelope.id}:completed`, causationId: context.envelope.id },
    );
  }
}
