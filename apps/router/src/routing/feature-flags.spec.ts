import { featureFlagsFromEnv } from './feature-flags';

describe('feature flags', () => {
  it('given no variables, when read, then every subsystem is on', () => {
    expect(featureFlagsFromEnv({})).toEqual({ useRouting: true, usePlanning: true, useMemory: true, useContracts: true });
  });

  it('given a subsystem switched off, when read, then only it is off', () => {
    expect(featureFlagsFromEnv({ SIGIL_USE_MEMORY: 'false', SIGIL_USE_PLANNING: '0' })).toMatchObject({ useMemory: false, usePlanning: false, useContracts: true });
  });
});
