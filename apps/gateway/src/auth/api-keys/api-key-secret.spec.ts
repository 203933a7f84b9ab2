import { issueApiKey, parseApiKey, secretMatches } from './api-key-secret';

describe('API key secrets', () => {
  it('given an issued key, when its plaintext is parsed, then id and secret come back and the secret matches the stored hash', () => {
    const issued = issueApiKey();
    const parsed = parseApiKey(issued.plaintext);
    expect(parsed?.id).toBe(issued.id);
    expect(issued.plaintext.startsWith(`${issued.prefix}_`)).toBe(true);
    expect(secretMatches(parsed?.secret ?? '', issued.secretHash)).toBe(true);
    expect(issued.secretHash).not.toContain(parsed?.secret ?? '-');
  });

  it('given a key with one changed character, when checked, then the secret does not match', () => {
    const issued = issueApiKey();
    const secret = parseApiKey(issued.plaintext)?.secret ?? '';
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect(secretMatches(tampered, issued.secretHash)).toBe(false);
  });

  it('given text that is not a Sigil key, when parsed, then it is refused', () => {
    expect(parseApiKey('sk_live_abc')).toBeUndefined();
    expect(parseApiKey(`Bearer ${issueApiKey().plaintext}`)).toBeUndefined();
  });

  it('given two issued keys, when compared, then ids and secrets differ', () => {
    const [a, b] = [issueApiKey(), issueApiKey()];
    expect(a.id).not.toBe(b.id);
    expect(a.secretHash).not.toBe(b.secretHash);
  });
});
