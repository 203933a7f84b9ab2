import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { ALL_LIVE_TOKENS_SUBJECT, decodeTokenChunk, Events } from '@sigil/catalog';
import { connectToNats, envelopeFromHeaders, EventPublisher, type Envelope, type QueryDefinition } from '@sigil/messaging';
import type { RunBudgetWarning, StepCompleted, StepFailed, StepRequestedSchema, TokenChunk } from '@sigil/schemas';
import { RunBudgetWarningSchema, StepCompletedSchema, StepFailedSchema } from '@sigil/schemas';
import { bootService, settingsFromEnv, type StartedService } from '@sigil/service-kit';
import { eventually, purgeSubject, testInfrastructure } from '@sigil/testing';
import { reasoningService } from '../reasoning.service';

export type StepOutcomeEvent = { kind: 'completed'; event: StepCompleted } | { kind: 'failed'; event: StepFailed };

/** A query answered on the real bus by the test, standing in for the service that owns it; records what it was asked. */
export interface StandIn<Req extends DescMessage> {
  requests: { request: MessageShape<Req>; envelope: Envelope }[];
}

/**
 * The reasoning service booted on the harness's servers with the given environment (read at boot),
 * and a client that requests steps and hears everything the service says: step outcomes, budget
 * warnings and the live token chunks of each run.
 */
export class ReasoningUnderTest {
  readonly outcomes = new Map<string, StepOutcomeEvent[]>();
  readonly warnings: RunBudgetWarning[] = [];
  private readonly chunks = new Map<string, TokenChunk[]>();
  private readonly subscriptions: Subscription[] = [];

  private constructor(
    private readonly service: StartedService,
    readonly nc: NatsConnection,
    readonly publisher: EventPublisher,
    private readonly restoreEnv: () => void,
  ) {}

  static async start(client: string, env: Record<string, string | undefined>): Promise<ReasoningUnderTest> {
    const infrastructure = testInfrastructure();
    const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
    const apply = (values: Record<string, string | undefined>) => {
      for (const [name, value] of Object.entries(values)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    };
    apply({ SIGIL_LOG_LEVEL: 'warn', ...env });
    // Only this file's steps: step requests other test files published (with no reasoning running) are dropped.
    await purgeSubject(Events.StepRequested.subject);
    const service = await bootService(reasoningService, { ...settingsFromEnv(reasoningService.name, 0), ...infrastructure, httpPort: 0 });
    const nc = await connectToNats(infrastructure.natsUrl, client);
    const underTest = new ReasoningUnderTest(service, nc, new EventPublisher(nc, client), () => apply(saved));
    underTest.listen();
    await nc.flush();
    return underTest;
  }

  private listen(): void {
    const record = (outcome: StepOutcomeEvent) => {
      this.outcomes.set(outcome.event.stepId, [...(this.outcomes.get(outcome.event.stepId) ?? []), outcome]);
    };
    this.subscriptions.push(
      this.nc.subscribe(Events.StepCompleted.subject, { callback: (_, msg) => record({ kind: 'completed', event: fromBinary(StepCompletedSchema, msg.data) }) }),
      this.nc.subscribe(Events.StepFailed.subject, { callback: (_, msg) => record({ kind: 'failed', event: fromBinary(StepFailedSchema, msg.data) }) }),
      this.nc.subscribe(Events.RunBudgetWarning.subject, {
        callback: (_, msg) => {
          this.warnings.push(fromBinary(RunBudgetWarningSchema, msg.data));
        },
      }),
      this.nc.subscribe(ALL_LIVE_TOKENS_SUBJECT, {
        callback: (_, msg) => {
          const chunk = decodeTokenChunk(msg.data);
          this.chunks.set(chunk.runId, [...(this.chunks.get(chunk.runId) ?? []), chunk]);
        },
      }),
    );
  }

  /** Publishes a step request (a new message id each time unless given, so the same step can be sent again). */
  async requestStep(tenantId: string, step: MessageInitShape<typeof StepRequestedSchema> & { runId: string; sessionId: string; stepId: string }, id?: string): Promise<void> {
    await this.publisher.publish(Events.StepRequested, step, { tenantId, sessionId: step.sessionId, runId: step.runId, id });
  }

  /** The step's only outcome, once it has one. */
  async outcomeOf(stepId: string, timeoutMs = 20_000): Promise<StepOutcomeEvent> {
    return eventually(() => {
      const outcomes = this.outcomes.get(stepId) ?? [];
      if (outcomes.length !== 1) throw new Error(`step ${stepId} has ${outcomes.length} outcomes`);
      return outcomes[0];
    }, timeoutMs);
  }

  async completed(stepId: string, timeoutMs?: number): Promise<StepCompleted> {
    const outcome = await this.outcomeOf(stepId, timeoutMs);
    if (outcome.kind !== 'completed') throw new Error(`step ${stepId} failed ${outcome.event.errorCode}: ${outcome.event.message}`);
    return outcome.event;
  }

  async failed(stepId: string, timeoutMs?: number): Promise<StepFailed> {
    const outcome = await this.outcomeOf(stepId, timeoutMs);
    if (outcome.kind !== 'failed') throw new Error(`step ${stepId} completed with "${outcome.event.output}"`);
    return outcome.event;
  }

  /** The token chunks heard for a run so far, in arrival order. */
  chunksOf(runId: string): TokenChunk[] {
    return this.chunks.get(runId) ?? [];
  }

  /** Answers a query on the real bus as the owning service would (no queue group: the test is the only answerer). */
  standIn<Req extends DescMessage, Res extends DescMessage>(query: QueryDefinition<Req, Res>, answer: (request: MessageShape<Req>, envelope: Envelope) => MessageInitShape<Res>): StandIn<Req> {
    const standIn: StandIn<Req> = { requests: [] };
    this.subscriptions.push(
      this.nc.subscribe(query.subject, {
        callback: (_, msg) => {
          const request = fromBinary(query.request, msg.data);
          const envelope = envelopeFromHeaders(msg.headers);
          standIn.requests.push({ request, envelope });
          msg.respond(toBinary(query.response, create(query.response, answer(request, envelope))));
        },
      }),
    );
    return standIn;
  }

  get app(): StartedService['app'] {
    return this.service.app;
  }

  async close(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    await this.nc.drain();
    await this.service.app.close();
    this.restoreEnv();
  }
}
