import { inspect } from 'node:util';
import { Secret } from './secret';

describe('secret', () => {
  const secret = new Secret('sk-ant-very-secret');

  it('given a secret, when logged, interpolated or serialised, then the value never shows', () => {
    expect(`${secret}`).toBe('[redacted]');
    expect(JSON.stringify({ apiKey: secret })).toBe('{"apiKey":"[redacted]"}');
    expect(inspect({ apiKey: secret })).not.toContain('sk-ant');
  });

  it('given a secret, when revealed, then the value is there', () => {
    expect(secret.reveal()).toBe('sk-ant-very-secret');
  });
});
