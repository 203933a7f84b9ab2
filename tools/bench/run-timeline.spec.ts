import { runTimeline } from './run-timeline';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 21, 12, 0, 0, ms)).toISOString();
const REQUESTED = 'sigil.run.v1.requested';

describe('runTimeline', () => {
  it('given runs with their events, when laid out, then each type has its median time after the request, earliest first', () => {
    const runs = [
      [{ type: REQUESTED, time: at(0) }, { type: 'routed', time: at(4) }, { type: 'completed', time: at(30) }],
      [{ type: REQUESTED, time: at(100) }, { type: 'routed', time: at(106) }, { type: 'completed', time: at(140) }],
      [{ type: REQUESTED, time: at(200) }, { type: 'routed', time: at(205) }, { type: 'completed', time: at(220) }],
    ];

    expect(runTimeline(runs, REQUESTED)).toEqual([
      { type: REQUESTED, medianMs: 0, runs: 3 },
      { type: 'routed', medianMs: 5, runs: 3 },
      { type: 'completed', medianMs: 30, runs: 3 },
    ]);
  });

  it('given a type seen twice in a run, when laid out, then its first occurrence counts, whatever order the events came in', () => {
    const runs = [[{ type: 'step', time: at(20) }, { type: REQUESTED, time: at(0) }, { type: 'step', time: at(9) }]];

    expect(runTimeline(runs, REQUESTED)).toEqual([
      { type: REQUESTED, medianMs: 0, runs: 1 },
      { type: 'step', medianMs: 9, runs: 1 },
    ]);
  });

  it('given a run without its request and a type only some runs have, when laid out, then the first is left out and the second counts the runs that had it', () => {
    const runs = [
      [{ type: 'routed', time: at(3) }],
      [{ type: REQUESTED, time: at(0) }, { type: 'recalled', time: at(12) }],
      [{ type: REQUESTED, time: at(50) }],
    ];

    expect(runTimeline(runs, REQUESTED)).toEqual([
      { type: REQUESTED, medianMs: 0, runs: 2 },
      { type: 'recalled', medianMs: 12, runs: 1 },
    ]);
  });
});
