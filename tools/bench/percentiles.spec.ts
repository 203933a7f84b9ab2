import { percentile, table } from './percentiles';

describe('benchmark statistics', () => {
  it('given 1..100, when percentiles are taken, then they are the nearest ranks', () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect([percentile(samples, 50), percentile(samples, 99), percentile(samples, 100)]).toEqual([50, 99, 100]);
    expect(percentile([], 50)).toBe(0);
  });

  it('given rows, when tabled, then columns are padded to the widest cell', () => {
    expect(table(['a', 'bb'], [['xyz', 1]])).toBe('| a   | bb |\n| --- | -- |\n| xyz | 1  |');
  });
});
