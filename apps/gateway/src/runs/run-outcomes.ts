import { fromBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { Events } from '@sigil/catalog';
import { Header, type EventDefinition } from '@sigil/messaging';
import type { RunCancelled, RunCompleted, RunEscalated, RunFailed } from '@sigil/schemas';
import { NATS_CONNECTION } from '@sigil/service-kit';

/** How a wait ends: the run finished, was stopped (cancelled or at its deadline), stopped to wait for a person's review, or the wait ran out. */
export type RunOutcome =
  | { status: 'completed'; event: RunCompleted }
  | { status: 'failed'; event: RunFailed }
  | { status: 'cancelled'; event: RunCancelled }
  | { status: 'escalated'; event: RunEscalated }
  | { status: 'timeout' };

interface Waiter {
  tenantId: string;
  resolve: (outcome: RunOutcome) => void;
  timer: NodeJS.Timeout;
}

/**
 * Lets a request wait for its run to finish: every gateway replica listens to runs' ends on
 * plain NATS (JetStream publishes reach core subscribers too) and wakes the request that waits;
 * the run id header says whether a replica holds one before it decodes anything.
 */
@Injectable()
export class RunOutcomes implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RunOutcomes.name);
  private readonly waiters = new Map<string, Waiter>();
  private subscriptions: Subscription[] = [];

  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  async onModuleInit(): Promise<void> {
    this.subscriptions = [
      this.listen(Events.RunCompleted, (event) => ({ status: 'completed', event })),
      this.listen(Events.RunFailed, (event) => ({ status: 'failed', event })),
      this.listen(Events.RunEscalated, (event) => ({ status: 'escalated', event })),
      this.listen(Events.RunCancelled, (event) => ({ status: 'cancelled', event })),
    ];
    await this.nats.flush();
  }

  private listen<
    S extends DescMessage & (typeof Events.RunCompleted.schema | typeof Events.RunFailed.schema | typeof Events.RunEscalated.schema | typeof Events.RunCancelled.schema),
  >(
    definition: EventDefinition<S>,
    outcome: (event: MessageShape<S>) => RunOutcome,
  ): Subscription {
    return this.nats.subscribe(definition.subject, {
      callback: (error, msg) => {
        if (error) return;
        // Every replica hears every run's end; only the one holding the request decodes it (no header: decode to find out).
        const runId = msg.headers?.get(Header.runId);
        if (runId && !this.waiters.has(runId)) return;
        try {
          const event = fromBinary(definition.schema, msg.data);
          this.settle(event.runId, msg.headers?.get(Header.tenantId), outcome(event));
        } catch (decodeError) {
          // Not this listener's to judge (the event-store keeps the event as received); the waiting request falls back to 202.
          this.logger.warn(`ignoring undecodable ${definition.type}: ${decodeError instanceof Error ? decodeError.message : String(decodeError)}`);
        }
      },
    });
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    for (const [runId, waiter] of this.waiters) this.settle(runId, waiter.tenantId, { status: 'timeout' });
  }

  /** Call before publishing the run, so its completion cannot slip past. */
  waitFor(runId: string, tenantId: string, timeoutMs: number): Promise<RunOutcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(runId, tenantId, { status: 'timeout' }), timeoutMs);
      this.waiters.set(runId, { tenantId, resolve, timer });
    });
  }

  /** The run never started (its publish failed): stop waiting for it. */
  forget(runId: string): void {
    const waiter = this.waiters.get(runId);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.waiters.delete(runId);
  }

  private settle(runId: string, tenantId: string | undefined, outcome: RunOutcome): void {
    const waiter = this.waiters.get(runId);
    if (!waiter || waiter.tenantId !== tenantId) return;
    clearTimeout(waiter.timer);
    this.waiters.delete(runId);
    waiter.resolve(outcome);
  }
}
