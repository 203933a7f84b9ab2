import { freeInfrastructurePorts, freePorts } from './ports';

describe('free ports', () => {
  it('given many ports drawn at once, when compared, then no two are the same', async () => {
    for (let round = 0; round < 20; round++) {
      const ports = await freePorts(12);
      expect(new Set(ports).size).toBe(12);
    }
  });

  it("given a stack's servers, when their ports are drawn, then each gets its own", async () => {
    const { nats, postgres, redis } = await freeInfrastructurePorts();
    expect(new Set([nats, postgres, redis]).size).toBe(3);
  });
});
