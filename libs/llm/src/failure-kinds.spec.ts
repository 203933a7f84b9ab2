import { isProviderFailure, isRetriedKind } from './failure-kinds';
import type { LlmErrorKind } from './llm-types';

const ALL: LlmErrorKind[] = ['rate_limited', 'overloaded', 'server', 'timeout', 'connection', 'malformed', 'invalid_request', 'auth', 'circuit_open', 'queue_full', 'aborted'];

describe('failure kinds', () => {
  it('given every kind, when asked which are retried, then only transient provider trouble is (429, 529, 5xx, timeout, connection)', () => {
    expect(ALL.filter(isRetriedKind)).toEqual(['rate_limited', 'overloaded', 'server', 'timeout', 'connection']);
  });

  it('given every kind, when asked which trip the circuit breaker, then only signs of an unwell provider do (not 429, our mistakes or aborts)', () => {
    expect(ALL.filter(isProviderFailure)).toEqual(['overloaded', 'server', 'timeout', 'connection', 'malformed']);
  });
});
