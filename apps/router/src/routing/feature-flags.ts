import type { FeatureFlags } from '@sigil/routing';

const enabled = (value: string | undefined) => value === undefined || !['0', 'false', 'off', 'no'].includes(value.toLowerCase());

/** SIGIL_USE_* switches; every subsystem is on unless switched off. */
export function featureFlagsFromEnv(env: NodeJS.ProcessEnv = process.env): FeatureFlags {
  return {
    useRouting: enabled(env.SIGIL_USE_ROUTING),
    usePlanning: enabled(env.SIGIL_USE_PLANNING),
    useMemory: enabled(env.SIGIL_USE_MEMORY),
    useContracts: enabled(env.SIGIL_USE_CONTRACTS),
  };
}
