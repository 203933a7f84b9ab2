import type { FeatureFlags } from '@sigil/routing';

const ON = ['1', 'true', 'on', 'yes'];
const OFF = ['0', 'false', 'off', 'no'];

/** A recognised on/off value wins; anything else (unset, empty, a typo) leaves the default. */
function flag(value: string | undefined, fallback: boolean): boolean {
  const normalised = value?.trim().toLowerCase() ?? '';
  if (ON.includes(normalised)) return true;
  if (OFF.includes(normalised)) return false;
  return fallback;
}

/**
 * The SIGIL_USE_* switches. Routing, planning, memory and contracts are on unless switched off;
 * evolution is off unless switched on, as the spec's configuration reference has it ("enable after
 * testing"), so that no run is learnt from by accident.
 */
export function featureFlagsFromEnv(env: NodeJS.ProcessEnv = process.env): FeatureFlags {
  return {
    useRouting: flag(env.SIGIL_USE_ROUTING, true),
    usePlanning: flag(env.SIGIL_USE_PLANNING, true),
    useMemory: flag(env.SIGIL_USE_MEMORY, true),
    useContracts: flag(env.SIGIL_USE_CONTRACTS, true),
    useEvolution: flag(env.SIGIL_USE_EVOLUTION, false),
  };
}
