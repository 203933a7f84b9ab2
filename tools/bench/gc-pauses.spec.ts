import { gcPausesBetween, gcPausesOf } from './gc-pauses';

const exposition = (minorSum: number, minorCount: number) =>
  [
    '# HELP sigil_gateway_nodejs_gc_duration_seconds Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
    '# TYPE sigil_gateway_nodejs_gc_duration_seconds histogram',
    'sigil_gateway_nodejs_gc_duration_seconds_bucket{le="0.001",kind="minor"} 3',
    `sigil_gateway_nodejs_gc_duration_seconds_sum{kind="minor"} ${minorSum}`,
    `sigil_gateway_nodejs_gc_duration_seconds_count{kind="minor"} ${minorCount}`,
    'sigil_gateway_nodejs_gc_duration_seconds_sum{kind="major"} 0.25',
    'sigil_gateway_nodejs_gc_duration_seconds_count{kind="major"} 2',
  ].join('\n');

describe('GC pauses from the metrics endpoint', () => {
  it('given an exposition, when one kind is read, then its count and total are that kind’s only', () => {
    expect(gcPausesOf(exposition(0.012, 10), 'sigil_gateway_', 'minor')).toEqual({ count: 10, totalMs: 12 });
    expect(gcPausesOf(exposition(0.012, 10), 'sigil_gateway_', 'major')).toEqual({ count: 2, totalMs: 250 });
  });

  it('given a kind that has not happened yet, when read, then it is no pauses', () => {
    expect(gcPausesOf('sigil_gateway_process_cpu_seconds_total 1', 'sigil_gateway_', 'minor')).toEqual({ count: 0, totalMs: 0 });
  });

  it('given another prefix, when read, then the gateway’s lines are not taken', () => {
    expect(gcPausesOf(exposition(0.012, 10), 'sigil_memory_', 'minor')).toEqual({ count: 0, totalMs: 0 });
  });

  it('given two readings, when differenced, then the pauses in between are what is left', () => {
    const between = gcPausesBetween(gcPausesOf(exposition(0.012, 10), 'sigil_gateway_', 'minor'), gcPausesOf(exposition(0.112, 30), 'sigil_gateway_', 'minor'));
    expect(between.count).toBe(20);
    expect(between.totalMs).toBeCloseTo(100, 9);
  });
});
