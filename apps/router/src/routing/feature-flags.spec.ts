import { featureFlagsFromEnv } from './feature-flags';

describe('feature flags', () => {
  it('given no variables, when read, then every subsystem is on except evolution, which is opt-in', () => {
    expect(featureFlagsFromEnv({})).toEqual({ useRouting: true, usePlanning: true, useMemory: true, useContracts: true, useEvolution: false });
  });

  it('given a subsystem switched off, when read, then only it is off', () => {
    expect(featureFlagsFromEnv({ SIGIL_USE_MEMORY: 'false', SIGIL_USE_PLANNING: '0' })).toEqual({
      useRouting: true,
      usePlanning: false,
      useMemory: false,
      useContracts: true,
      useEvolution: false,
    });
  });

  it.each([['true'], ['1'], ['on'], ['YES'], [' True ']])('given SIGIL_USE_EVOLUTION=%j, when read, then evolution is on', (value) => {
    expect(featureFlagsFromEnv({ SIGIL_USE_EVOLUTION: value }).useEvolution).toBe(true);
  });

  it.each([['false'], ['0'], ['OFF'], ['no'], [' false ']])('given SIGIL_USE_ROUTING=%j, when read, then routing is off', (value) => {
    expect(featureFlagsFromEnv({ SIGIL_USE_ROUTING: value }).useRouting).toBe(false);
  });

  it('given values that are neither on nor off, when read, then each flag keeps its default', () => {
    expect(featureFlagsFromEnv({ SIGIL_USE_CONTRACTS: '', SIGIL_USE_EVOLUTION: 'maybe' })).toMatchObject({ useContracts: true, useEvolution: false });
  });
});
