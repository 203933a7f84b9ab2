import { cpuTimesOf, processCpuMsOf } from './machine-cpu';

describe('cpuTimesOf', () => {
  it('given /proc/stat, when read, then busy time is every tick but idle and iowait, guest time not counted twice, in ms', () => {
    const procStat = ['cpu  100 5 50 800 20 3 2 1 7 0', 'cpu0 50 2 25 400 10 1 1 0 3 0', 'intr 12345'].join('\n');

    expect(cpuTimesOf(procStat)).toEqual({ busyMs: (100 + 5 + 50 + 3 + 2 + 1) * 10, totalMs: (100 + 5 + 50 + 800 + 20 + 3 + 2 + 1) * 10 });
  });

  it('given text that is not /proc/stat, when read, then it says so', () => {
    expect(() => cpuTimesOf('intr 1 2 3')).toThrow('not a /proc/stat text: intr');
  });
});

describe('processCpuMsOf', () => {
  it('given a /proc/<pid>/stat whose command holds spaces and parentheses, when read, then user plus system time in ms', () => {
    const procPidStat = '4242 (node (gw) x) S 1 4242 4242 0 -1 4194304 5000 0 0 0 730 120 0 0 20 0 11 0 99 1000 2000';

    expect(processCpuMsOf(procPidStat)).toBe((730 + 120) * 10);
  });

  it('given text that is not a process stat, when read, then it says so', () => {
    expect(() => processCpuMsOf('nonsense')).toThrow('not a /proc/<pid>/stat text');
  });
});
