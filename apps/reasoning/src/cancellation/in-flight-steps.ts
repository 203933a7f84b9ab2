import { fromBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { Events } from '@sigil/catalog';
import { Header, type EventDefinition } from '@sigil/messaging';
import { NATS_CONNECTION } from '@sigil/service-kit';

/** How long a cancelled run is remembered, so a step of it that arrives late is stopped at once. */
const REMEMBER_CANCELLED_MS = 10 * 60_000;
const MAX_REMEMBERED = 10_000;
/** setTimeout's largest delay; a deadline further off is not armed (nothing runs that long). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface StepWork {
  signal: AbortSignal;
  /** The step is over: forget it and disarm its deadline. */
  finish(): void;
}

/**
 * The steps this replica is working on, each with its AbortController. Every replica listens to
 * `run.cancelled` and `run.failed` on core NATS without a queue group (JetStream publishes reach
 * core subscribers), so whichever replicas hold a run's steps abort them all; a step's deadline
 * aborts it too.
 */
@Injectable()
export class InFlightSteps implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(InFlightSteps.name);
  private readonly byRun = new Map<string, Set<AbortController>>();
  private readonly cancelled = new Map<string, { reason: string; until: number }>();
  private subscriptions: Subscription[] = [];

  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  async onModuleInit(): Promise<void> {
    this.subscriptions = [
      this.listen(Events.RunCancelled, (event) => `run cancelled (${event.errorCode})${event.reason ? `: ${event.reason}` : ''}`),
      // A run that failed (a step aborted it, its budget ran out) needs the rest of its work no more either.
      this.listen(Events.RunFailed, (event) => `run failed (${event.errorCode})`),
    ];
    await this.nats.flush();
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private listen<S extends DescMessage>(event: EventDefinition<S>, reasonOf: (payload: MessageShape<S> & { runId: string }) => string): Subscription {
    return this.nats.subscribe(event.subject, {
      callback: (error, msg) => {
        if (error) return;
        try {
          const payload = fromBinary(event.schema, msg.data) as MessageShape<S> & { runId: string };
          this.cancel(msg.headers?.get(Header.tenantId) ?? '', payload.runId, reasonOf(payload));
        } catch (decodeError) {
          this.logger.warn(`ignoring undecodable ${event.type}: ${decodeError instanceof Error ? decodeError.message : String(decodeError)}`);
        }
      },
    });
  }

  start(tenantId: string, runId: string, deadlineMs: number): StepWork {
    const key = `${tenantId}:${runId}`;
    const controller = new AbortController();
    const steps = this.byRun.get(key) ?? new Set<AbortController>();
    steps.add(controller);
    this.byRun.set(key, steps);
    const wasCancelled = this.cancelled.get(key);
    if (wasCancelled && wasCancelled.until > Date.now()) controller.abort(wasCancelled.reason);
    let timer: NodeJS.Timeout | undefined;
    const left = deadlineMs > 0 ? deadlineMs - Date.now() : Number.POSITIVE_INFINITY;
    if (left <= 0) controller.abort('the step deadline has passed');
    else if (left <= MAX_TIMER_MS) timer = setTimeout(() => controller.abort('the step deadline has passed'), left);
    return {
      signal: controller.signal,
      finish: () => {
        clearTimeout(timer);
        steps.delete(controller);
        if (steps.size === 0 && this.byRun.get(key) === steps) this.byRun.delete(key);
      },
    };
  }

  private cancel(tenantId: string, runId: string, reason: string): void {
    const key = `${tenantId}:${runId}`;
    this.remember(key, reason);
    const steps = this.byRun.get(key);
    if (!steps) return;
    this.logger.log(`aborting ${steps.size} step(s) of run ${runId}: ${reason}`);
    for (const controller of steps) controller.abort(reason);
  }

  private remember(key: string, reason: string): void {
    const now = Date.now();
    if (this.cancelled.size >= MAX_REMEMBERED) {
      for (const [old, entry] of this.cancelled) if (entry.until <= now || this.cancelled.size >= MAX_REMEMBERED) this.cancelled.delete(old);
    }
    this.cancelled.set(key, { reason, until: now + REMEMBER_CANCELLED_MS });
  }
}
