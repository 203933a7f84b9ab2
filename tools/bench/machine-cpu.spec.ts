import { cpuTimesOf, processStatOf, stealPercent, treeCpuMsBetween } from './machine-cpu';

describe('cpuTimesOf', () => {
  it('given /proc/stat, when read, then busy time is every tick but idle, iowait and steal, steal apart, guest time not counted twice, in ms', () => {
    const procStat = ['cpu  100 5 50 800 20 3 2 9 7 0', 'cpu0 50 2 25 400 10 1 1 4 3 0', 'intr 12345'].join('\n');

    expect(cpuTimesOf(procStat)).toEqual({ busyMs: (100 + 5 + 50 + 3 + 2) * 10, stealMs: 9 * 10, totalMs: (100 + 5 + 50 + 800 + 20 + 3 + 2 + 9) * 10 });
  });

  it('given text that is not /proc/stat, when read, then it says so', () => {
    expect(() => cpuTimesOf('intr 1 2 3')).toThrow('not a /proc/stat text: intr');
  });
});

describe('stealPercent', () => {
  it('given two readings, when compared, then the share of all core time between them that the hypervisor took', () => {
    const before = { busyMs: 1_000, stealMs: 100, totalMs: 10_000 };
    const after = { busyMs: 1_900, stealMs: 300, totalMs: 12_000 };

    expect(stealPercent(before, after)).toBe(10);
  });

  it('given the same reading twice, when compared, then no steal rather than a division by zero', () => {
    const reading = { busyMs: 1, stealMs: 1, totalMs: 2 };

    expect(stealPercent(reading, reading)).toBe(0);
  });
});

describe('processStatOf', () => {
  it('given a /proc/<pid>/stat whose command holds spaces and parentheses, when read, then its parent and user plus system time in ms', () => {
    const procPidStat = '4243 (node (gw) x) S 17 4242 4242 0 -1 4194304 5000 0 0 0 730 120 0 0 20 0 11 0 99 1000 2000';

    expect(processStatOf(procPidStat)).toEqual({ parent: 17, cpuMs: (730 + 120) * 10 });
  });

  it('given text that is not a process stat, when read, then it says so', () => {
    expect(() => processStatOf('nonsense')).toThrow('not a /proc/<pid>/stat text');
  });
});

describe('treeCpuMsBetween', () => {
  const before = new Map([
    [1, { parent: 0, cpuMs: 900 }],
    [10, { parent: 1, cpuMs: 5 }], // runuser, named postgres
    [11, { parent: 10, cpuMs: 20 }], // postmaster
    [12, { parent: 11, cpuMs: 7 }], // a backend that ends
    [20, { parent: 1, cpuMs: 30 }], // nats
    [30, { parent: 1, cpuMs: 40 }], // unnamed
  ]);

  it('given named processes, when two readings are compared, then each counts what it and its descendants used between them, and nothing outside its tree', () => {
    const after = new Map([
      [1, { parent: 0, cpuMs: 999 }],
      [10, { parent: 1, cpuMs: 5 }],
      [11, { parent: 10, cpuMs: 26 }],
      [13, { parent: 11, cpuMs: 4 }], // a backend that started
      [20, { parent: 1, cpuMs: 33 }],
      [30, { parent: 1, cpuMs: 80 }],
      [31, { parent: 30, cpuMs: 50 }],
    ]);

    expect(treeCpuMsBetween(new Map([[10, 'postgres'], [20, 'nats']]), before, after)).toEqual(new Map([['postgres', 6 + 4], ['nats', 3]]));
  });

  it('given a process whose parent ended, when compared, then it counts for no one', () => {
    expect(treeCpuMsBetween(new Map([[10, 'postgres']]), before, new Map([[12, { parent: 11, cpuMs: 9 }]]))).toEqual(new Map());
  });
});
