import { IDEMPOTENCY_KEY, requestFingerprint } from './request-fingerprint';

describe('request fingerprint', () => {
  it('given the same body with keys in another order, when fingerprinted, then the fingerprints are equal', () => {
    expect(requestFingerprint('POST', '/v7/agents', { a: 1, b: { c: [1, 2], d: null } })).toBe(
      requestFingerprint('POST', '/v7/agents', { b: { d: null, c: [1, 2] }, a: 1 }),
    );
  });

  it('given a different value, path or array order, when fingerprinted, then the fingerprints differ', () => {
    const base = requestFingerprint('POST', '/v7/agents', { a: [1, 2] });
    expect(requestFingerprint('POST', '/v7/agents', { a: [2, 1] })).not.toBe(base);
    expect(requestFingerprint('POST', '/v7/agents/x/run', { a: [1, 2] })).not.toBe(base);
    expect(requestFingerprint('POST', '/v7/agents', { a: [1, 2, 3] })).not.toBe(base);
  });

  it('given keys with spaces, control characters or over 255 characters, when checked, then they are refused', () => {
    expect(IDEMPOTENCY_KEY.test('550e8400-e29b-41d4-a716-446655440000')).toBe(true);
    expect(IDEMPOTENCY_KEY.test('has space')).toBe(false);
    expect(IDEMPOTENCY_KEY.test('x'.repeat(256))).toBe(false);
  });
});
