import { stopInfrastructure } from '@sigil/local-stack';
import { rmSync } from 'node:fs';
import { harnessStateDir } from './harness-paths';

export default async function globalTeardown(): Promise<void> {
  const stateDir = harnessStateDir();
  await stopInfrastructure(stateDir);
  if (!process.env.SIGIL_KEEP_TEST_STATE) rmSync(stateDir, { recursive: true, force: true });
}
