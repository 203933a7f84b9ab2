import { testInfrastructure } from '@sigil/testing';
import { serveFloor } from './floor-service';
import { measureJetStreamFloor } from './jetstream-floor';

describe('the JetStream floor on a real nats-server', () => {
  it('given the floor services, when runs are sent back to back and spaced, then each completes, every consumer took and acknowledged its messages, and the times are measured', async () => {
    const result = await measureJetStreamFloor(testInfrastructure().natsUrl, { warmUpRuns: 2, runs: 10, spacedRuns: 3, spacingMs: 20, startService: serveFloor });
    expect(result.leftOver).toBe(0);
    expect(result.backToBackP50).toBeGreaterThan(0);
    expect(result.backToBackP50).toBeLessThan(10_000);
    expect(result.spacedP50).toBeGreaterThan(0);
    expect(result.cpuMsPerRun).toBeGreaterThanOrEqual(0);
  }, 60_000);
});
