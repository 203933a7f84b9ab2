import path from 'node:path';

/** Where the harness keeps its servers' data: one directory per test run, under `.sigil/test/`. */
export function harnessStateDir(): string {
  return path.resolve(process.env.SIGIL_TEST_STATE_ROOT ?? '.sigil/test', `run-${process.ppid}-${process.pid}`);
}
