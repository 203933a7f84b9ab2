import { termOverlap, termsOf } from './terms';

describe('terms', () => {
  it('given a text, when its terms are taken, then stop words are left out and word forms share a stem', () => {
    expect(termsOf('The user prefers emails')).toEqual(new Set(['user', 'prefe', 'email']));
    expect(termsOf('preferred preference')).toEqual(new Set(['prefe']));
  });

  it('given a text of stop words only, when its terms are taken, then its words are its terms', () => {
    expect(termsOf('who are you')).toEqual(new Set(['who', 'are', 'you']));
  });

  it('given a query, when overlapped with texts, then the share of its terms each holds is measured', () => {
    expect(termOverlap('Ana prefers email', 'ana preferred EMAIL')).toBe(1);
    expect(termOverlap('Ana prefers email', 'Ana likes tea')).toBe(1 / 3);
    expect(termOverlap('Ana prefers email', 'budget')).toBe(0);
    expect(termOverlap('', 'anything')).toBe(0);
  });
});
