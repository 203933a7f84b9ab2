import { DEFAULT_STRATUM, resolveStratum, STRATA } from './stratum';

describe('resolveStratum', () => {
  it.each(STRATA.map((stratum) => [stratum]))('given the stratum %s, when resolved, then it is recognised as is', (stratum) => {
    expect(resolveStratum(stratum)).toEqual({ stratum, recognised: true });
  });

  it.each([[undefined], [''], ['XYZ'], ['rti'], [' RAI ']])('given %j, when resolved, then it falls back to RTI and says so without throwing', (value) => {
    expect(resolveStratum(value)).toEqual({ stratum: 'RTI', recognised: false });
  });

  it('given the default, when read, then it is RTI', () => {
    expect(DEFAULT_STRATUM).toBe('RTI');
  });
});
