import { type Contract, FAILURE_STRATEGIES, type FailureStrategy, getTemplate, selectContract } from '@sigil/contracts';
import { parseContractJson } from '../contracts/contract-json';
import type { RunOverrides } from './run-overrides';
import { contractCodeError, inlineContractErrors, unknownContractError, type VerdictError } from './selection-errors';

/** What a run is held to: a contract, none (low complexity), or an override that cannot be honoured. */
export type ContractChoice =
  | { kind: 'contract'; contract: Contract; inline: boolean; failureStrategy: FailureStrategy; maxRetries: number; tokenBudget: number; reason: string }
  | { kind: 'none'; reason: string }
  | { kind: 'refused'; contractName: string; errors: VerdictError[]; reason: string };

export interface RouteFacts {
  intent: string;
  stratum: string;
  complexity: number;
  useContracts: boolean;
}

export type FindContract = (name: string) => Promise<Contract | undefined>;

const isFailureStrategy = (value: string): value is FailureStrategy => (FAILURE_STRATEGIES as readonly string[]).includes(value);

/**
 * The run's contract. An execute override (a named or inline contract) applies whatever the
 * complexity, with the contract's own strategy, retries and budget; without one, selection (§5.1)
 * picks by intent, stratum and complexity from the templates. force_strategy replaces the chosen
 * contract's strategy (with no retries under `fail`). An override that cannot be honoured is
 * refused rather than dropped: running without the contract the caller asked for would answer
 * something they did not ask for, so the run fails at validation with these errors instead.
 */
export async function chooseContract(route: RouteFacts, overrides: RunOverrides, findByName: FindContract): Promise<ContractChoice> {
  const { forceStrategy } = overrides;
  const strategyErrors =
    forceStrategy === null || isFailureStrategy(forceStrategy)
      ? []
      : [contractCodeError('CV-001', 'force_strategy', FAILURE_STRATEGIES.join(' | '), forceStrategy, `force_strategy must be one of ${FAILURE_STRATEGIES.join(', ')}, not '${forceStrategy}'`)];
  const overridden = await overrideContract(overrides, findByName);
  const errors = [...overridden.errors, ...strategyErrors];
  if (errors.length > 0) {
    const contractName = overridden.contract?.name ?? overrides.contractName ?? '';
    return { kind: 'refused', contractName, errors, reason: `execute override refused (${errors.map((error) => error.message).join('; ')}): the run fails at validation` };
  }
  const chosen = overridden.contract ? overrideChoice(overridden.contract, overrides.contractJson !== null) : routedChoice(route);
  if (forceStrategy === null) return chosen;
  return chosen.kind === 'contract' ? forced(chosen, forceStrategy as FailureStrategy) : { ...chosen, reason: `${chosen.reason}; force_strategy ${forceStrategy} ignored: no contract applies` };
}

async function overrideContract(overrides: RunOverrides, findByName: FindContract): Promise<{ contract?: Contract; errors: VerdictError[] }> {
  const { contractName, contractJson } = overrides;
  if (contractName !== null && contractJson !== null) {
    return { errors: [contractCodeError('CV-001', 'contract_json', 'contract_name or contract_json', 'both', 'give contract_name or contract_json, not both')] };
  }
  if (contractJson !== null) {
    const parsed = parseContractJson(contractJson);
    return parsed.ok ? { contract: parsed.contract, errors: [] } : { errors: inlineContractErrors(parsed.problems) };
  }
  if (contractName === null) return { errors: [] };
  const found = await findByName(contractName);
  return found ? { contract: found, errors: [] } : { errors: [unknownContractError(contractName)] };
}

function overrideChoice(contract: Contract, inline: boolean): ContractChoice {
  const { failureStrategy, maxRetries } = contract;
  const tokenBudget = contract.constraints.maxTotalTokens;
  const source = inline ? `inline contract ${contract.name}` : `contract ${contract.name}`;
  return { kind: 'contract', contract, inline, failureStrategy, maxRetries, tokenBudget, reason: `execute override: ${source}: ${failureStrategy}, ${maxRetries} retries, ${tokenBudget} tokens` };
}

/** The route's choice when the run asks for nothing: a template by intent, stratum and complexity, or none. */
export function routedChoice(route: RouteFacts): ContractChoice {
  const selected = selectContract(route, getTemplate);
  const contract = selected.name === null ? undefined : getTemplate(selected.name);
  if (!contract) return { kind: 'none', reason: selected.reason };
  const { failureStrategy, maxRetries, tokenBudget, reason } = selected;
  return { kind: 'contract', contract, inline: false, failureStrategy, maxRetries, tokenBudget, reason };
}

function forced(choice: Extract<ContractChoice, { kind: 'contract' }>, failureStrategy: FailureStrategy): ContractChoice {
  // `fail` never retries (the lib's decision ignores retries under it); saying 0 keeps the selection honest.
  const maxRetries = failureStrategy === 'fail' ? 0 : choice.maxRetries;
  return { ...choice, failureStrategy, maxRetries, reason: `${choice.reason}; failure strategy forced to ${failureStrategy}, ${maxRetries} retries` };
}
