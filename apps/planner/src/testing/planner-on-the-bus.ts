/**
 * The planner booted on the test harness's real NATS, PostgreSQL and Redis, with the bus around it
 * played by the test: it publishes the facts other services would and records what the planner
 * emits (every JetStream publish reaches a plain subscriber too, with its headers).
 */
import { fromBinary, type DescMessage, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { Events } from '@sigil/catalog';
import { connectToNats, EventPublisher, Header, QueryClient, type EventDefinition } from '@sigil/messaging';
import { migrateServiceDatabase } from '@sigil/persistence';
import type { StepRequested } from '@sigil/schemas';
import { bootService, serviceMigrations, settingsFromEnv, type StartedService } from '@sigil/service-kit';
import { eventually, testInfrastructure } from '@sigil/testing';
import { plannerService } from '../planner.service';

/** The planner's outgoing events the tests look at. */
const WATCHED = [
  Events.StepRequested,
  Events.PlanCreated,
  Events.ValidationRequested,
  Events.RunCompleted,
  Events.RunFailed,
  Events.RunCancelled,
  Events.RunEscalated,
] as const;

export interface Emitted<S extends DescMessage = DescMessage> {
  id: string;
  tenantId: string;
  payload: MessageShape<S>;
}

export class PlannerOnTheBus {
  private readonly seen: { subject: string; id: string; tenantId: string; runId: string; data: Uint8Array }[] = [];
  private readonly subscriptions: Subscription[] = [];

  private constructor(
    readonly service: StartedService,
    private readonly nc: NatsConnection,
    readonly publisher: EventPublisher,
    readonly queries: QueryClient,
  ) {
    for (const event of WATCHED) {
      this.subscriptions.push(
        nc.subscribe(event.subject, {
          callback: (error, message) => {
            if (error) return;
            const header = (name: string) => message.headers?.get(name) ?? '';
            this.seen.push({ subject: message.subject, id: header(Header.id), tenantId: header(Header.tenantId), runId: header(Header.runId), data: message.data });
          },
        }),
      );
    }
  }

  static async start(clientName: string, env: Record<string, string> = {}): Promise<PlannerOnTheBus> {
    const { natsUrl, databaseUrl, redisUrl } = testInfrastructure();
    await migrateServiceDatabase({ url: databaseUrl, schema: plannerService.schema, migrations: serviceMigrations(plannerService) });
    process.env.SIGIL_LOG_LEVEL = 'warn';
    Object.assign(process.env, env);
    const service = await bootService(plannerService, settingsFromEnv(plannerService.name, plannerService.defaultPort, { NATS_URL: natsUrl, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SIGIL_PLANNER_PORT: '0' }));
    const nc = await connectToNats(natsUrl, clientName);
    const bus = new PlannerOnTheBus(service, nc, new EventPublisher(nc, clientName), new QueryClient(nc, clientName));
    await nc.flush();
    return bus;
  }

  async close(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    await this.nc.drain();
    await this.service.app.close();
  }

  /** Every event of this kind the planner emitted for the run, in order (a republished one would show twice). */
  emitted<S extends DescMessage>(event: EventDefinition<S>, runId: string): Emitted<S>[] {
    return this.seen
      .filter((message) => message.subject === event.subject && message.runId === runId)
      .map((message) => ({ id: message.id, tenantId: message.tenantId, payload: fromBinary(event.schema, message.data) }));
  }

  /** Waits until the run has at least `count` events of this kind; returns them all. */
  awaitEmitted<S extends DescMessage>(event: EventDefinition<S>, runId: string, count = 1, timeoutMs = 15_000): Promise<Emitted<S>[]> {
    return eventually(() => {
      const found = this.emitted(event, runId);
      if (found.length < count) throw new Error(`${runId}: ${found.length} of ${count} ${event.type} so far`);
      return found;
    }, timeoutMs);
  }

  run(tenantId: string, runId: string, sessionId: string): RunOnTheBus {
    return new RunOnTheBus(this, tenantId, runId, sessionId);
  }
}

type RequestFields = { maxTotalTokens?: bigint; deadlineMs?: bigint };
type RouteFields = { complexity?: number; strategy?: string; usePlanning?: boolean; useMemory?: boolean; useContracts?: boolean };

/** One run, driven as the gateway, router, contracts, memory and reasoning would drive it. */
export class RunOnTheBus {
  constructor(
    readonly bus: PlannerOnTheBus,
    readonly tenantId: string,
    readonly runId: string,
    readonly sessionId: string,
  ) {}

  private get correlation() {
    return { tenantId: this.tenantId, sessionId: this.sessionId, runId: this.runId };
  }

  private publish<S extends DescMessage>(event: EventDefinition<S>, payload: MessageInitShape<S>, id?: string) {
    return this.bus.publisher.publish(event, payload, { ...this.correlation, id });
  }

  request(input: string, fields: RequestFields = {}) {
    return this.publish(Events.RunRequested, {
      runId: this.runId,
      sessionId: this.sessionId,
      agent: { name: 'analyst', version: 1, stratum: 'RAI', systemPrompt: 'You are a careful analyst.' },
      input,
      requestId: `req-${this.runId}`,
      requestedAtMs: BigInt(Date.now()),
      ...fields,
    });
  }

  route(fields: RouteFields = {}) {
    // Contracts on, so that the run waits for the selection the test publishes.
    return this.publish(Events.RouteDecided, { runId: this.runId, sessionId: this.sessionId, intent: 'analysis', strategy: 'chain_of_thought', complexity: 0.4, useContracts: true, ...fields });
  }

  /** Complex work: the router's planning flag is on (complexity above 0.5). */
  routeComplex(fields: RouteFields = {}) {
    return this.route({ complexity: 0.62, strategy: 'tree_of_thoughts', usePlanning: true, ...fields });
  }

  /** The contract the output is held to (its verdicts come from the test); none: the planner judges the answer itself. */
  selectContract(contractName = '') {
    return this.publish(Events.ContractSelected, { runId: this.runId, sessionId: this.sessionId, contractName, failureStrategy: contractName ? 'fail' : '' });
  }

  /** Request, route and contract: the run starts. */
  async start(input: string, options: { complex?: boolean; request?: RequestFields; contract?: string } = {}) {
    await this.request(input, options.request);
    await (options.complex ? this.routeComplex() : this.route());
    await this.selectContract(options.contract);
  }

  /** A step's result as reasoning publishes it (its id derived from the step's, unless a different delivery is wanted). */
  complete(stepId: string, output: string, options: { tokens?: [number, number]; id?: string } = {}) {
    const [inputTokens, outputTokens] = options.tokens ?? [10, 5];
    return this.publish(
      Events.StepCompleted,
      {
        runId: this.runId,
        sessionId: this.sessionId,
        stepId,
        output,
        tokensUsed: { inputTokens: BigInt(inputTokens), outputTokens: BigInt(outputTokens), totalTokens: BigInt(inputTokens + outputTokens) },
        modelUsed: 'local-test-model',
      },
      options.id ?? `${stepId}:completed`,
    );
  }

  fail(stepId: string, errorCode: string, retryable: boolean) {
    return this.publish(
      Events.StepFailed,
      { runId: this.runId, sessionId: this.sessionId, stepId, errorCode, message: `${errorCode} in the test`, retryable, tokensUsed: { inputTokens: 3n, outputTokens: 0n, totalTokens: 3n } },
      `${stepId}:failed`,
    );
  }

  validated(attempt: number, decision: 'success' | 'fail') {
    return this.publish(Events.OutputValidated, { runId: this.runId, sessionId: this.sessionId, attempt, decision, isValid: decision === 'success' });
  }

  cancel(reason: string) {
    return this.publish(Events.RunCancelRequested, { runId: this.runId, sessionId: this.sessionId, reason, requestedBy: 'test' });
  }

  recalled(items: { itemId: string; content: string; score: number }[]) {
    return this.publish(Events.Recalled, { runId: this.runId, sessionId: this.sessionId, items: items.map((item) => ({ ...item, category: 'facts' })), tokens: 20n });
  }

  /** The step requests so far, in order. */
  stepRequests(): StepRequested[] {
    return this.bus.emitted(Events.StepRequested, this.runId).map((emitted) => emitted.payload);
  }

  async awaitStepRequests(count: number): Promise<StepRequested[]> {
    return (await this.bus.awaitEmitted(Events.StepRequested, this.runId, count)).map((emitted) => emitted.payload);
  }

  async awaitOne<S extends DescMessage>(event: EventDefinition<S>, timeoutMs?: number): Promise<Emitted<S>> {
    const [first] = await this.bus.awaitEmitted(event, this.runId, 1, timeoutMs);
    return first;
  }
}
