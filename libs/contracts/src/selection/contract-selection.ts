import type { Contract, FailureStrategy } from '../model/contract';
import { type TemplateName, getTemplate } from '../templates/acti-templates';

/** The router's intents (spec §3.2); listed here because domain libs of other scopes are off limits. */
export const CONTRACT_INTENTS = ['create_agent', 'run_agent', 'query_memory', 'modify_agent', 'system_command', 'general_chat'] as const;
export type ContractIntent = (typeof CONTRACT_INTENTS)[number];

/** A template, the agent's stratum decides, or no contract. */
export type IntentContractRule = TemplateName | 'by_stratum' | 'none';

/**
 * Only work that produces a deliverable gets a contract: running an agent produces what its stratum
 * is for, and a memory query answers with findings and sources. Creating or changing an agent and
 * system commands produce no structured deliverable. A message with no more specific intent is
 * addressed to an agent, so it is that agent's work: its stratum decides, and the complexity
 * thresholds keep simple chat out of contracts.
 */
export const INTENT_CONTRACT_MAP: Record<ContractIntent, IntentContractRule> = {
  create_agent: 'none',
  run_agent: 'by_stratum',
  query_memory: 'research_report',
  modify_agent: 'none',
  system_command: 'none',
  general_chat: 'by_stratum',
};

export const STRATUM_CONTRACT_MAP: Record<string, TemplateName> = {
  RTI: 'research_report',
  RAI: 'lead_qualification',
  ZACS: 'appointment_booking',
  EEI: 'market_analysis',
  IGE: 'compliance_check',
};

/** §5.1 thresholds: below 0.5 no contract, below 0.7 fallback, below 0.9 retry, from 0.9 fail. */
export const COMPLEXITY_NO_CONTRACT = 0.5;
export const COMPLEXITY_OPTIONAL_CONTRACT = 0.7;
export const COMPLEXITY_REQUIRED_CONTRACT = 0.9;
/** From here one more retry and 1.5x the token budget. */
export const COMPLEXITY_HIGH = 0.8;
export const HIGH_COMPLEXITY_TOKEN_FACTOR = 1.5;
/** Below this (the lowest band that gets a contract) one retry less, never below 0. */
export const COMPLEXITY_LOW = 0.6;

export interface ContractSelectionInput {
  intent: string;
  stratum: string;
  complexity: number;
  useContracts: boolean;
  /** The contract the agent's definition names, if any. */
  agentContract?: string;
}

export interface SelectedContract {
  /** Null when no contract applies: the output then only has to be non-empty (and the rest is moot). */
  name: string | null;
  failureStrategy: FailureStrategy;
  maxRetries: number;
  tokenBudget: number;
  requiredFields: string[];
  /** Why, in one line for logs and the run's record. */
  reason: string;
}

/**
 * Picks the run's contract (§5.1): the agent's own contract if it names one that exists (even below
 * 0.5: the agent asked for it), else the intent's template or its stratum's, from 0.5 complexity
 * on. The strategy follows the complexity band; retries and tokens start from the contract's own
 * and are adjusted: +1 retry from 0.8, -1 retry below 0.6, 1.5x tokens from 0.8; `fail` never retries.
 */
export function selectContract(input: ContractSelectionInput, findContract: (name: string) => Contract | undefined = getTemplate): SelectedContract {
  if (!input.useContracts) return noContract('contracts are switched off');
  const notes: string[] = [];
  if (input.agentContract) {
    const own = findContract(input.agentContract);
    if (own) return adjusted(own, input.complexity, `agent contract ${own.name}`);
    notes.push(`agent contract ${input.agentContract} not found (CV-004)`);
  }
  if (input.complexity < COMPLEXITY_NO_CONTRACT) return noContract([...notes, `complexity ${input.complexity} is below ${COMPLEXITY_NO_CONTRACT}`].join('; '));
  const rule: IntentContractRule = INTENT_CONTRACT_MAP[input.intent as ContractIntent] ?? 'none';
  if (rule === 'none') return noContract([...notes, `intent ${input.intent} needs no contract`].join('; '));
  const name = rule === 'by_stratum' ? STRATUM_CONTRACT_MAP[input.stratum] : rule;
  const contract = name && findContract(name);
  if (!contract) return noContract([...notes, `intent ${input.intent} follows the stratum and stratum ${input.stratum} has no contract`].join('; '));
  const source = rule === 'by_stratum' ? `intent ${input.intent}, stratum ${input.stratum}` : `intent ${input.intent}`;
  return adjusted(contract, input.complexity, [...notes, `${source} → ${contract.name}`].join('; '));
}

function adjusted(contract: Contract, complexity: number, source: string): SelectedContract {
  const failureStrategy = strategyForComplexity(complexity);
  const retryAdjustment = complexity >= COMPLEXITY_HIGH ? 1 : complexity < COMPLEXITY_LOW ? -1 : 0;
  const maxRetries = failureStrategy === 'fail' ? 0 : Math.max(0, contract.maxRetries + retryAdjustment);
  const tokenBudget = Math.floor(contract.constraints.maxTotalTokens * (complexity >= COMPLEXITY_HIGH ? HIGH_COMPLEXITY_TOKEN_FACTOR : 1));
  return {
    name: contract.name,
    failureStrategy,
    maxRetries,
    tokenBudget,
    requiredFields: contract.deliverables.filter((deliverable) => deliverable.required).map((deliverable) => deliverable.name),
    reason: `${source}; complexity ${complexity}: ${failureStrategy}, ${maxRetries} retries, ${tokenBudget} tokens`,
  };
}

/** Below 0.7 fallback (an agent's own contract below 0.5 included), below 0.9 retry, then fail. */
export function strategyForComplexity(complexity: number): FailureStrategy {
  if (complexity < COMPLEXITY_OPTIONAL_CONTRACT) return 'fallback';
  return complexity < COMPLEXITY_REQUIRED_CONTRACT ? 'retry' : 'fail';
}

function noContract(reason: string): SelectedContract {
  return { name: null, failureStrategy: 'fail', maxRetries: 0, tokenBudget: 0, requiredFields: [], reason };
}
