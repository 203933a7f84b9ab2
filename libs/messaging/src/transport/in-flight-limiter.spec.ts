import { InFlightLimiter } from './in-flight-limiter';

describe('in-flight limiter', () => {
  it('given a limit of two, when three acquire, then the third waits until one releases', async () => {
    const limiter = new InFlightLimiter(2);
    await limiter.acquire();
    await limiter.acquire();
    let thirdStarted = false;
    const third = limiter.acquire().then(() => (thirdStarted = true));
    await Promise.resolve();
    expect(thirdStarted).toBe(false);
    limiter.release();
    await third;
    expect(thirdStarted).toBe(true);
    expect(limiter.active).toBe(2);
  });

  it('given running work, when idle is awaited, then it resolves only after the last release', async () => {
    const limiter = new InFlightLimiter(3);
    await limiter.acquire();
    await limiter.acquire();
    let idle = false;
    const waiting = limiter.idle().then(() => (idle = true));
    limiter.release();
    await Promise.resolve();
    expect(idle).toBe(false);
    limiter.release();
    await waiting;
    expect(idle).toBe(true);
  });
});
