import { CircuitBreaker } from './circuit-breaker';

const settings = { failureThreshold: 3, coolDownMs: 30_000 };

function openBreaker(at: number): CircuitBreaker {
  const breaker = new CircuitBreaker(settings);
  for (let i = 0; i < settings.failureThreshold; i++) breaker.recordFailure(at);
  return breaker;
}

describe('circuit breaker', () => {
  it('given fewer consecutive failures than the threshold, when asked, then calls are admitted', () => {
    const breaker = new CircuitBreaker(settings);
    breaker.recordFailure(0);
    breaker.recordFailure(0);
    expect(breaker.state(0)).toBe('closed');
    expect(breaker.admit(0)).toEqual({ admitted: true });
    expect(breaker.coolDownLeftMs(0)).toBe(0);
  });

  it('given a success between failures, when counted, then the failures are no longer consecutive', () => {
    const breaker = new CircuitBreaker(settings);
    breaker.recordFailure(0);
    breaker.recordFailure(0);
    breaker.recordSuccess();
    breaker.recordFailure(0);
    breaker.recordFailure(0);
    expect(breaker.state(0)).toBe('closed');
  });

  it('given the threshold of consecutive failures, when asked, then it is open and says when it will try again', () => {
    const breaker = openBreaker(1_000);
    expect(breaker.state(1_000)).toBe('open');
    expect(breaker.admit(11_000)).toEqual({ admitted: false, retryAfterMs: 20_000 });
    expect(breaker.coolDownLeftMs(11_000)).toBe(20_000);
  });

  it('given the cool-down has passed, when asked, then exactly one trial call is admitted', () => {
    const breaker = openBreaker(0);
    expect(breaker.state(30_000)).toBe('half_open');
    expect(breaker.admit(30_000)).toEqual({ admitted: true });
    expect(breaker.admit(30_001)).toMatchObject({ admitted: false });
  });

  it('given the trial succeeds, when asked, then the circuit is closed again', () => {
    const breaker = openBreaker(0);
    breaker.admit(30_000);
    breaker.recordSuccess();
    expect(breaker.state(30_000)).toBe('closed');
    expect(breaker.admit(30_000)).toEqual({ admitted: true });
  });

  it('given the trial fails, when asked, then it is open for another cool-down', () => {
    const breaker = openBreaker(0);
    breaker.admit(30_000);
    breaker.recordFailure(30_000);
    expect(breaker.state(30_000)).toBe('open');
    expect(breaker.admit(59_999)).toMatchObject({ admitted: false });
    expect(breaker.admit(60_000)).toEqual({ admitted: true });
  });

  it('given the trial ends without a verdict, when asked, then another trial may go', () => {
    const breaker = openBreaker(0);
    breaker.admit(30_000);
    breaker.recordNoVerdict();
    expect(breaker.state(30_000)).toBe('half_open');
    expect(breaker.admit(30_000)).toEqual({ admitted: true });
  });
});
