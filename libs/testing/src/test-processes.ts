import { runningPid, startBackground, stopBackground } from '@sigil/local-stack';
import { testStateDir } from './infrastructure-env';

/** Starts a Node script as a separate process of the test run (logs under the run's state dir). */
export function startTestProcess(name: string, script: string, env: NodeJS.ProcessEnv): void {
  startBackground({ name, command: process.execPath, args: [script], stateDir: testStateDir(), env });
}

/** kill -9 (or another signal) and wait until the process is gone. */
export async function killTestProcess(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  await stopBackground(testStateDir(), name, signal);
}

export function isTestProcessRunning(name: string): boolean {
  return runningPid(testStateDir(), name) !== undefined;
}
