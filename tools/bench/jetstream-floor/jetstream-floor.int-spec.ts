import { testInfrastructure } from '@sigil/testing';
import { serveFloor } from './floor-service';
import { measureJetStreamFloor } from './jetstream-floor';

const options = { warmUpRuns: 2, runs: 10, spacedRuns: 3, spacingMs: 20 };

describe('the JetStream floor on a real nats-server', () => {
  it('given the floor services, when runs are sent back to back and spaced, then each completes, every consumer took and acknowledged its messages, and the times are measured', async () => {
    const result = await measureJetStreamFloor(testInfrastructure().natsUrl, { ...options, startService: serveFloor });
    expect(result.leftOver).toBe(0);
    expect(result.backToBackP50).toBeGreaterThan(0);
    expect(result.backToBackP50).toBeLessThan(10_000);
    expect(result.spacedP50).toBeGreaterThan(0);
    expect(result.cpuMsPerRun).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('given a service that fails to start, when the floor starts, then the error is raised and every service that did start is stopped', async () => {
    const running = new Set<string>();
    const startService = async (natsUrl: string, service: string) => {
      if (service === 'memory') throw new Error('memory could not start');
      const served = await serveFloor(natsUrl, service);
      running.add(service);
      return { stop: () => served.stop().then(() => void running.delete(service)) };
    };
    await expect(measureJetStreamFloor(testInfrastructure().natsUrl, { ...options, startService })).rejects.toThrow('memory could not start');
    expect([...running]).toEqual([]);
  }, 60_000);
});
