import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import { connectToNats, defaultConsumerOptions, PULL_EXPIRES_MS } from '@sigil/messaging';
import { FLOOR_CONSUMERS, joinSize, type FloorConsumer } from './floor-topology';

/** A message's size on the bus, about a run's protobuf payload. */
const FLOOR_PAYLOAD = new Uint8Array(400).fill(7);
export const RUN_HEADER = 'sigil-run-id';

/** Published as the platform publishes: a message id for deduplication, awaiting the stream's acknowledgement. */
export function publishFloor(js: JetStreamClient, subject: string, runId: string): Promise<unknown> {
  const runHeaders = headers();
  runHeaders.set(RUN_HEADER, runId);
  return js.publish(subject, FLOOR_PAYLOAD, { msgID: `${runId}:${subject}`, headers: runHeaders });
}

/**
 * One service's consumers of the floor: pulled as a service pulls (in flight, pull length), each
 * message acknowledged after what it emits is stored. Resolves once every consumer is pulling.
 */
export async function serveFloor(natsUrl: string, service: string): Promise<{ stop: () => Promise<void> }> {
  const connection: NatsConnection = await connectToNats(natsUrl, `floor-${service}`);
  const js = jetstream(connection);
  const seenByJoin = new Map<string, Map<string, number>>();
  const mine = FLOOR_CONSUMERS.filter((consumer) => consumer.service === service);
  const loops: Promise<void>[] = [];
  for (const floorConsumer of mine) {
    const consumer = await js.consumers.get(floorConsumer.stream, floorConsumer.durableName);
    const messages = await consumer.consume({ max_messages: defaultConsumerOptions.maxInFlight, expires: PULL_EXPIRES_MS });
    const handle = async (runId: string) => {
      if (floorConsumer.emits && shouldEmit(floorConsumer, runId, seenByJoin)) await publishFloor(js, floorConsumer.emits, runId);
    };
    loops.push(
      (async () => {
        for await (const message of messages) {
          void handle(message.headers?.get(RUN_HEADER) ?? '').then(
            () => message.ack(),
            () => message.nak(),
          );
        }
      })(),
    );
  }
  return {
    stop: async () => {
      await connection.drain();
      await Promise.all(loops);
    },
  };
}

function shouldEmit(consumer: FloorConsumer, runId: string, seenByJoin: Map<string, Map<string, number>>): boolean {
  if (!consumer.join) return true;
  const seen = seenByJoin.get(consumer.join) ?? new Map<string, number>();
  seenByJoin.set(consumer.join, seen);
  const count = (seen.get(runId) ?? 0) + 1;
  if (count < joinSize(consumer.join)) {
    seen.set(runId, count);
    return false;
  }
  seen.delete(runId);
  return true;
}
