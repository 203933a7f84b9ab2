import { streamConfigs } from '@sigil/messaging';
import { allEvents } from './events';
import { ALL_LIVE_TOKENS_SUBJECT, liveTokensSubject } from './live-subjects';

describe('live subjects', () => {
  it('given a run id, when its token subject is built, then it is the run token under sigil.live.v1.tokens', () => {
    expect(liveTokensSubject('0b7e4c1a-93f2-4d51-8d7e-2f1f0c0d9a11')).toBe('sigil.live.v1.tokens.0b7e4c1a-93f2-4d51-8d7e-2f1f0c0d9a11');
  });

  it('given every run, when listened to, then the wildcard covers exactly one run token', () => {
    expect(ALL_LIVE_TOKENS_SUBJECT).toBe('sigil.live.v1.tokens.*');
  });

  it.each(['', 'a.b', 'run*', 'run>', 'run 1'])('given the run id "%s", when its token subject is built, then it is refused', (runId) => {
    expect(() => liveTokensSubject(runId)).toThrow('cannot be a subject token');
  });

  it('given the streams, when compared with the live subjects, then no stream captures them (they are core NATS only)', () => {
    const streamSubjects = streamConfigs(allEvents).flatMap((config) => config.subjects ?? []);
    expect(streamSubjects.length).toBeGreaterThan(0);
    for (const subject of streamSubjects) expect(subject.startsWith('sigil.live.') || subject === 'sigil.>' || subject === '>').toBe(false);
  });
});
