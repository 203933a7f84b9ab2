import { nextVersion } from './contract-version';

describe('next contract version', () => {
  it.each([
    ['1.4.2', undefined, '1.5.0'],
    ['1.0.0', '1.0.0', '1.1.0'],
    ['0.9.0', undefined, '0.10.0'],
    ['1.99999999999999999999.0', undefined, '1.100000000000000000000.0'],
  ])('given %s and the caller left it (%s), when updated, then the minor is bumped to %s', (current, given, expected) => {
    expect(nextVersion(current, given)).toBe(expected);
  });

  it('given a version the caller changed, when updated, then theirs is kept, even a lower one', () => {
    expect(nextVersion('1.4.2', '2.0.0')).toBe('2.0.0');
    expect(nextVersion('1.4.2', '0.1.0')).toBe('0.1.0');
  });

  it('given a version that is not MAJOR.MINOR.PATCH, when the caller left it, then it stays', () => {
    expect(nextVersion('2025-spring', undefined)).toBe('2025-spring');
    expect(nextVersion('v1.2.3', 'v1.2.3')).toBe('v1.2.3');
  });
});
