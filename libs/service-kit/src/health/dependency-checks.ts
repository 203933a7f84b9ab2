export interface CheckResult {
  status: 'ok' | 'failed';
  latency_ms: number;
  error?: string;
}

const TIMEOUT_MS = 1_000;

/** Runs every probe at once, each bounded by a timeout; a failure names only its kind, never a URL. */
export async function checkDependencies(probes: Record<string, () => Promise<unknown>>): Promise<Record<string, CheckResult>> {
  const entries = await Promise.all(
    Object.entries(probes).map(async ([name, probe]): Promise<[string, CheckResult]> => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          probe(),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS))),
        ]);
        return [name, { status: 'ok', latency_ms: Math.round(performance.now() - started) }];
      } catch (error) {
        const kind = error instanceof Error && error.message === 'timed out' ? 'timed out' : 'unreachable';
        return [name, { status: 'failed', latency_ms: Math.round(performance.now() - started), error: kind }];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return Object.fromEntries(entries);
}
