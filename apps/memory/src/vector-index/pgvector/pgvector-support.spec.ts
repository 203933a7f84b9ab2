import { versionAtLeast } from './pgvector-support';

describe('pgvector version check', () => {
  it.each([
    ['0.8.0', true],
    ['0.8.1', true],
    ['0.10.0', true],
    ['1.0', true],
    ['0.7.4', false],
    ['0.5.1', false],
  ])('given pgvector %s, when 0.8.0 is needed, then it is enough: %p', (version, enough) => {
    expect(versionAtLeast(version, '0.8.0')).toBe(enough);
  });
});
