import { sleep, startNats, stopBackground } from '@sigil/local-stack';
import { testInfrastructure, testStateDir } from './infrastructure-env';

/** Stops the harness's nats-server and starts it again on the same port and store (JetStream state survives). */
export async function restartNats(downMs = 1_000): Promise<void> {
  const port = Number(new URL(testInfrastructure().natsUrl).port);
  await stopBackground(testStateDir(), 'nats');
  await sleep(downMs);
  await startNats(testStateDir(), port);
}
