import { fork } from 'node:child_process';
import path from 'node:path';
import type { OpenLoopOptions, OpenLoopResult } from './open-loop-load';

/**
 * Runs an open loop in a process of its own: a fresh heap, so that no collection of what the bench
 * did before (autocannon's results, say) pauses the schedule and is counted against the server.
 */
export function openLoopInOwnProcess(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const child = fork(path.join(import.meta.dirname, 'open-loop-child.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (result) => resolve(result as OpenLoopResult));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the open-loop process exited with ${code} before reporting`)));
    child.send(options);
  });
}
