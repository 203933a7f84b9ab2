export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerSettings {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit rejects before it lets one trial call through. */
  coolDownMs: number;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterMs: number };

/**
 * The circuit breaker's state machine: closed → (threshold consecutive failures) → open →
 * (cool-down) → half-open, where exactly one trial call goes through: its success closes the
 * circuit, its failure opens it again. Times are passed in (pure; tests drive the clock).
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(private readonly settings: CircuitBreakerSettings) {}

  state(now: number): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return now - this.openedAt >= this.settings.coolDownMs ? 'half_open' : 'open';
  }

  /** Asks to make a call now. */
  admit(now: number): Admission {
    const state = this.state(now);
    if (state === 'closed') return { admitted: true };
    if (state === 'half_open' && !this.trialInFlight) {
      this.trialInFlight = true;
      return { admitted: true };
    }
    return { admitted: false, retryAfterMs: this.coolDownLeftMs(now) };
  }

  /** How long until an open circuit lets a trial through (0 when it is not open). */
  coolDownLeftMs(now: number): number {
    return this.openedAt === undefined ? 0 : Math.max(0, this.openedAt + this.settings.coolDownMs - now);
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  recordFailure(now: number): void {
    this.consecutiveFailures += 1;
    if (this.trialInFlight || this.consecutiveFailures >= this.settings.failureThreshold) this.openedAt = now;
    this.trialInFlight = false;
  }

  /** An admitted call ended without telling anything about the provider (e.g. the caller aborted). */
  recordNoVerdict(): void {
    this.trialInFlight = false;
  }
}
