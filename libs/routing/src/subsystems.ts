import type { Intent } from './intent';

/** The SIGIL_USE_* switches (spec Appendix B). */
export interface FeatureFlags {
  /** Off: intents are not classified, every input is general chat (see decideRoute). */
  useRouting: boolean;
  usePlanning: boolean;
  useMemory: boolean;
  useContracts: boolean;
  /** Carried in the decision so that evolution knows whether to learn from the run. */
  useEvolution: boolean;
}

/** Above these complexities planning, and then contracts, take part (spec §3.2). */
export const PLANNING_THRESHOLD = 0.5;
export const CONTRACTS_THRESHOLD = 0.7;
/** Intents whose answer depends on what was said or learnt before. */
export const MEMORY_RELEVANT_INTENTS: readonly Intent[] = ['query_memory', 'run_agent', 'general_chat'];

export interface SubsystemActivation {
  usePlanning: boolean;
  useMemory: boolean;
  useContracts: boolean;
  useEvolution: boolean;
  /** One line per subsystem saying why it is on or off, e.g. "planning: complexity 0.62 > 0.5". */
  reasons: string[];
}

interface Rule {
  on: boolean;
  reason: string;
}

const switchedOff = (subsystem: string, variable: string): Rule => ({ on: false, reason: `${subsystem} off: ${variable} is off` });

function aboveThreshold(subsystem: string, variable: string, enabled: boolean, complexity: number, threshold: number): Rule {
  if (!enabled) return switchedOff(subsystem, variable);
  return complexity > threshold
    ? { on: true, reason: `${subsystem}: complexity ${complexity} > ${threshold}` }
    : { on: false, reason: `${subsystem} off: complexity ${complexity} <= ${threshold}` };
}

function memoryRule(enabled: boolean, intent: Intent): Rule {
  if (!enabled) return switchedOff('memory', 'SIGIL_USE_MEMORY');
  return MEMORY_RELEVANT_INTENTS.includes(intent)
    ? { on: true, reason: `memory: intent ${intent} is memory-relevant` }
    : { on: false, reason: `memory off: intent ${intent} is not memory-relevant` };
}

/** Which subsystems take part in a run (spec §3.2), and why. */
export function activateSubsystems(intent: Intent, complexity: number, flags: FeatureFlags): SubsystemActivation {
  const planning = aboveThreshold('planning', 'SIGIL_USE_PLANNING', flags.usePlanning, complexity, PLANNING_THRESHOLD);
  const memory = memoryRule(flags.useMemory, intent);
  const contracts = aboveThreshold('contracts', 'SIGIL_USE_CONTRACTS', flags.useContracts, complexity, CONTRACTS_THRESHOLD);
  const evolution = flags.useEvolution ? { on: true, reason: 'evolution: SIGIL_USE_EVOLUTION is on' } : switchedOff('evolution', 'SIGIL_USE_EVOLUTION');
  return {
    usePlanning: planning.on,
    useMemory: memory.on,
    useContracts: contracts.on,
    useEvolution: evolution.on,
    reasons: [planning.reason, memory.reason, contracts.reason, evolution.reason],
  };
}
