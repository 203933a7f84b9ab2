import { JetStreamApiError, type JetStreamManager } from '@nats-io/jetstream';
import { consumerConfig, type ConsumerBinding } from './consumer-binding';

const CONSUMER_NOT_FOUND = 10014;

/** Creates the durable consumer or updates its config; every replica may call it at any time. */
export async function ensureConsumer(jsm: JetStreamManager, binding: ConsumerBinding): Promise<void> {
  const config = consumerConfig({ durableName: binding.durableName, options: binding.options, filterSubject: binding.event?.subject });
  try {
    await jsm.consumers.info(binding.stream, binding.durableName);
    await jsm.consumers.update(binding.stream, binding.durableName, config);
  } catch (error) {
    if (!(error instanceof JetStreamApiError) || error.code !== CONSUMER_NOT_FOUND) throw error;
    await jsm.consumers.add(binding.stream, config);
  }
}
