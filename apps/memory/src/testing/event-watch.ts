import { type DescMessage, fromBinary, type MessageShape } from '@bufbuild/protobuf';
import type { NatsConnection } from '@nats-io/nats-core';
import { type EventDefinition, Header } from '@sigil/messaging';

/** The events of one type published while the watch runs, by tenant, as decoded payloads. */
export interface EventWatch<S extends DescMessage> {
  of(tenantId: string): MessageShape<S>[];
  stop(): void;
}

/** Watches an event type on the bus (a plain subscription sees what JetStream stores), starting once the server has it. */
export async function watchEvents<S extends DescMessage>(nc: NatsConnection, event: EventDefinition<S>): Promise<EventWatch<S>> {
  const seen = new Map<string, MessageShape<S>[]>();
  const subscription = nc.subscribe(event.subject, {
    callback: (error, message) => {
      if (error) return;
      const tenantId = message.headers?.get(Header.tenantId) ?? '';
      seen.set(tenantId, [...(seen.get(tenantId) ?? []), fromBinary(event.schema, message.data)]);
    },
  });
  await nc.flush();
  return { of: (tenantId) => seen.get(tenantId) ?? [], stop: () => subscription.unsubscribe() };
}
