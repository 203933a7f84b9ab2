import { FLOOR_COMPLETED, FLOOR_CONSUMERS, FLOOR_REQUESTED, FLOOR_STREAMS, floorServices, joinSize, streamOf } from './floor-topology';

describe('the JetStream floor topology', () => {
  it('given the floor consumers, when a run is requested and every consumer emits, then the emissions reach the run completed', () => {
    const reached = new Set([FLOOR_REQUESTED]);
    for (let grown = true; grown; ) {
      grown = false;
      for (const consumer of FLOOR_CONSUMERS) {
        const joined = !consumer.join || FLOOR_CONSUMERS.filter((other) => other.join === consumer.join).every((other) => other.subject && reached.has(other.subject));
        if (consumer.emits && consumer.subject && reached.has(consumer.subject) && joined && !reached.has(consumer.emits)) {
          reached.add(consumer.emits);
          grown = true;
        }
      }
    }
    expect(reached.has(FLOOR_COMPLETED)).toBe(true);
  });

  it('given every subject of the floor streams, when consumers are listed, then each subject has a consumer besides the event-store, and the event-store takes every stream', () => {
    for (const subjects of Object.values(FLOOR_STREAMS)) for (const subject of subjects) expect(FLOOR_CONSUMERS.some((consumer) => consumer.subject === subject)).toBe(true);
    expect(FLOOR_CONSUMERS.filter((consumer) => consumer.service === 'event-store' && !consumer.subject).map((consumer) => consumer.stream)).toEqual(Object.keys(FLOOR_STREAMS));
  });

  it('given the planner gathering a run, when its join is sized, then it waits for the request, the route and the recall', () => {
    expect(joinSize('gathered')).toBe(3);
    expect(FLOOR_CONSUMERS.filter((consumer) => consumer.join === 'gathered').map((consumer) => consumer.subject)).toEqual(['floor.run.requested', 'floor.routing.decided', 'floor.memory.recalled']);
  });

  it('given a subject no floor stream holds, when its stream is asked for, then it is refused', () => {
    expect(streamOf('floor.run.requested')).toBe('FLOOR_RUN');
    expect(() => streamOf('floor.nothing')).toThrow('no floor stream holds floor.nothing');
  });

  it('given the consumers, when services are listed, then each platform service on a simple run is there once', () => {
    expect(floorServices().sort()).toEqual(['contracts', 'event-store', 'gateway', 'memory', 'planner', 'reasoning', 'router']);
  });
});
