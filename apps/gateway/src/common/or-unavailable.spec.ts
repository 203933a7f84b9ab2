import { ProblemException } from './problem';
import { orUnavailable } from './or-unavailable';

describe('orUnavailable', () => {
  it('given a bus call that answers, when awaited, then its value comes back', async () => {
    await expect(orUnavailable('planner service', async () => 42)).resolves.toBe(42);
  });

  it('given a bus call that times out, when awaited, then it becomes a 503 problem naming the dependency', async () => {
    const failure = orUnavailable('planner service', async () => {
      throw new Error('TIMEOUT nats://user:secret@10.0.0.1');
    });
    await expect(failure).rejects.toBeInstanceOf(ProblemException);
    await expect(failure).rejects.toMatchObject({
      problem: { status: 503, errorCode: 'SYS_003', detail: 'The planner service did not answer in time' },
    });
  });
});
