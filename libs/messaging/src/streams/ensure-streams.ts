import { JetStreamApiError, type JetStreamManager } from '@nats-io/jetstream';
import type { StreamDeclaration } from './stream-topology';

const STREAM_NOT_FOUND = 10059;

/** Creates each stream or brings its config up to date; safe to run at every start-up, by every replica. */
export async function ensureStreams(jsm: JetStreamManager, configs: StreamDeclaration[]): Promise<void> {
  for (const config of configs) {
    try {
      await jsm.streams.info(config.name);
      await jsm.streams.update(config.name, config);
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== STREAM_NOT_FOUND) throw error;
      try {
        await jsm.streams.add(config);
      } catch (addError) {
        // Another replica created it between our info and add: update instead.
        if (!(addError instanceof JetStreamApiError)) throw addError;
        await jsm.streams.update(config.name, config);
      }
    }
  }
}
