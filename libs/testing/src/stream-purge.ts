import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { testInfrastructure } from './infrastructure-env';

/**
 * Drops the messages on one subject that earlier test files left in the harness's shared streams.
 * A service booted by a later file would otherwise take them up through its durable consumer (the
 * planner's tests publish step requests that no reasoning service was running to take).
 */
export async function purgeSubject(subject: string): Promise<void> {
  const nc = await connect({ servers: testInfrastructure().natsUrl, name: 'test-purge' });
  try {
    const jsm = await jetstreamManager(nc);
    const stream = await jsm.streams.find(subject).catch(() => undefined);
    if (stream) await jsm.streams.purge(stream, { filter: subject });
  } finally {
    await nc.close();
  }
}
