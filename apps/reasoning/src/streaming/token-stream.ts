import { create, toBinary } from '@bufbuild/protobuf';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { liveTokensSubject } from '@sigil/catalog';
import type { ModelCallOptions, ModelRequest, ModelResponse, ReasoningModel } from '@sigil/reasoning';
import { TokenChunkSchema } from '@sigil/schemas';
import { NATS_CONNECTION } from '@sigil/service-kit';

/** One step's live text: chunks numbered from 0 in the order produced, then one `done` chunk. */
export interface StepTokenStream {
  text(chunk: string): void;
  done(): void;
}

/**
 * Publishes a step's text as `TokenChunk`s on core NATS (`sigil.live.v1.tokens.<run>`), for the
 * gateway's WebSocket API. Live data is best effort: nothing stores it, and a failed publish only
 * costs the listener a chunk, never the step.
 */
@Injectable()
export class TokenStreams {
  private readonly logger = new Logger(TokenStreams.name);

  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  forStep(runId: string, stepId: string): StepTokenStream {
    let subject: string;
    try {
      subject = liveTokensSubject(runId);
    } catch (error) {
      // A run id no subject can carry: the step still runs, unheard.
      this.logger.warn(`step ${stepId}: no live tokens: ${error instanceof Error ? error.message : String(error)}`);
      return { text: () => undefined, done: () => undefined };
    }
    let sequence = 0;
    let finished = false;
    const publish = (text: string, done: boolean) => {
      try {
        this.nats.publish(subject, toBinary(TokenChunkSchema, create(TokenChunkSchema, { runId, stepId, sequence: BigInt(sequence++), text, done })));
      } catch (error) {
        this.logger.warn(`step ${stepId}: token chunk not published: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    return {
      text: (chunk) => {
        if (!finished && chunk) publish(chunk, false);
      },
      done: () => {
        if (finished) return;
        finished = true;
        publish('', true);
      },
    };
  }
}

/** The model with every call's text going to the step's stream. */
export function streamingModel(model: ReasoningModel, stream: StepTokenStream): ReasoningModel {
  return {
    complete: (request: ModelRequest, options?: ModelCallOptions): Promise<ModelResponse> =>
      model.complete(request, {
        ...options,
        onText: (chunk) => {
          options?.onText?.(chunk);
          stream.text(chunk);
        },
      }),
  };
}
