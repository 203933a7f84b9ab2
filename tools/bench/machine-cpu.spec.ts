import { cpuTimesOf } from './machine-cpu';

describe('cpuTimesOf', () => {
  it('given /proc/stat, when read, then busy time is every tick but idle and iowait, guest time not counted twice, in ms', () => {
    const procStat = ['cpu  100 5 50 800 20 3 2 1 7 0', 'cpu0 50 2 25 400 10 1 1 0 3 0', 'intr 12345'].join('\n');

    expect(cpuTimesOf(procStat)).toEqual({ busyMs: (100 + 5 + 50 + 3 + 2 + 1) * 10, totalMs: (100 + 5 + 50 + 800 + 20 + 3 + 2 + 1) * 10 });
  });

  it('given text that is not /proc/stat, when read, then it says so', () => {
    expect(() => cpuTimesOf('intr 1 2 3')).toThrow('not a /proc/stat text: intr');
  });
});
