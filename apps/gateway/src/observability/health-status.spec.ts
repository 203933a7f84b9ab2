import type { CheckResult } from '@sigil/service-kit';
import { overallHealth } from './health-status';

const ok: CheckResult = { status: 'ok', latency_ms: 1 };
const failed: CheckResult = { status: 'failed', latency_ms: 1000, error: 'timed out' };

describe('overall health', () => {
  it('given every dependency answering, when judged, then healthy', () => {
    expect(overallHealth({ database: ok, message_bus: ok, cache: ok })).toBe('healthy');
  });

  it('given only the cache down, when judged, then degraded', () => {
    expect(overallHealth({ database: ok, message_bus: ok, cache: failed })).toBe('degraded');
  });

  it('given the database or the bus down, when judged, then unhealthy', () => {
    expect(overallHealth({ database: failed, message_bus: ok, cache: ok })).toBe('unhealthy');
    expect(overallHealth({ database: ok, message_bus: failed, cache: ok })).toBe('unhealthy');
  });
});
