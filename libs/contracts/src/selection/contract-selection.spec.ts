import type { Contract } from '../model/contract';
import { ACTI_TEMPLATES } from '../templates/acti-templates';
import { INTENT_CONTRACT_MAP, STRATUM_CONTRACT_MAP, selectContract, strategyForComplexity } from './contract-selection';

const run = (complexity: number, stratum = 'RAI') => ({ intent: 'run_agent', stratum, complexity, useContracts: true });

describe('contract selection', () => {
  it('given contracts switched off, when selected, then no contract applies', () => {
    expect(selectContract({ ...run(0.95), useContracts: false })).toEqual({
      name: null,
      failureStrategy: 'fail',
      maxRetries: 0,
      tokenBudget: 0,
      requiredFields: [],
      reason: 'contracts are switched off',
    });
  });

  it.each([
    [0.49, null],
    [0.5, 'lead_qualification'],
  ])('given complexity %s, when a run is selected for, then the contract is %s', (complexity, name) => {
    expect(selectContract(run(complexity)).name).toBe(name);
  });

  it.each([
    [0.5, 'fallback'],
    [0.69, 'fallback'],
    [0.7, 'retry'],
    [0.89, 'retry'],
    [0.9, 'fail'],
    [1, 'fail'],
  ])('given complexity %s, when the strategy is chosen, then it is %s', (complexity, strategy) => {
    expect(strategyForComplexity(complexity)).toBe(strategy);
  });

  it.each([
    [0.55, 'fallback', 1, 4000],
    [0.6, 'fallback', 2, 4000],
    [0.75, 'retry', 2, 4000],
    [0.8, 'retry', 3, 6000],
    [0.95, 'fail', 0, 6000],
  ])('given complexity %s for an RAI agent, when selected, then %s with %s retries and %s tokens', (complexity, failureStrategy, maxRetries, tokenBudget) => {
    expect(selectContract(run(complexity))).toMatchObject({ name: 'lead_qualification', failureStrategy, maxRetries, tokenBudget });
  });

  it('given an RAI run at 0.75, when selected, then the reason and required fields are spelled out', () => {
    expect(selectContract(run(0.75))).toEqual({
      name: 'lead_qualification',
      failureStrategy: 'retry',
      maxRetries: 2,
      tokenBudget: 4000,
      requiredFields: ['budget_score', 'authority_score', 'need_score', 'timeline_score', 'score', 'qualification', 'recommendation', 'next_steps'],
      reason: 'intent run_agent, stratum RAI → lead_qualification; complexity 0.75: retry, 2 retries, 4000 tokens',
    });
  });

  it('given a contract with no retries of its own at low complexity, when selected, then retries do not go below 0', () => {
    const strict = { ...ACTI_TEMPLATES.compliance_check };
    expect(selectContract(run(0.55, 'IGE'), () => strict)).toMatchObject({ name: 'compliance_check', failureStrategy: 'fallback', maxRetries: 0 });
  });

  it.each(Object.entries(STRATUM_CONTRACT_MAP))('given a run for stratum %s, when selected, then the contract is %s', (stratum, name) => {
    expect(selectContract(run(0.75, stratum)).name).toBe(name);
  });

  it.each(Object.entries(STRATUM_CONTRACT_MAP))('given stratum %s, when its template is read, then its metadata names the same stratum', (stratum, name) => {
    expect(ACTI_TEMPLATES[name].metadata?.stratum).toBe(stratum);
  });

  it('given a run for an unknown stratum, when selected, then no contract applies and the reason says why', () => {
    expect(selectContract(run(0.75, 'XYZ'))).toMatchObject({ name: null, reason: 'intent run_agent follows the stratum and stratum XYZ has no contract' });
  });

  it('given a memory query, when selected, then it is a research report whatever the stratum', () => {
    expect(selectContract({ intent: 'query_memory', stratum: 'ZACS', complexity: 0.75, useContracts: true })).toMatchObject({
      name: 'research_report',
      reason: 'intent query_memory → research_report; complexity 0.75: retry, 2 retries, 16000 tokens',
    });
  });

  it.each(['create_agent', 'modify_agent', 'system_command', 'unknown_intent'])('given the intent %s, when selected, then no contract applies', (intent) => {
    expect(selectContract({ intent, stratum: 'RAI', complexity: 0.95, useContracts: true })).toMatchObject({ name: null, reason: `intent ${intent} needs no contract` });
  });

  it('given the intent map, when read, then every router intent has a rule', () => {
    expect(INTENT_CONTRACT_MAP).toEqual({
      create_agent: 'none',
      run_agent: 'by_stratum',
      query_memory: 'research_report',
      modify_agent: 'none',
      system_command: 'none',
      general_chat: 'by_stratum',
    });
  });

  it("given a complex message with no specific intent, when selected, then the agent's stratum decides", () => {
    expect(selectContract({ intent: 'general_chat', stratum: 'EEI', complexity: 0.95, useContracts: true })).toMatchObject({ name: 'market_analysis', failureStrategy: 'fail' });
  });

  it('given a simple message, when selected, then no contract applies whatever the stratum', () => {
    expect(selectContract({ intent: 'general_chat', stratum: 'EEI', complexity: 0.4, useContracts: true })).toMatchObject({ name: null });
  });

  it("given an agent's own contract below 0.5, when selected, then it applies with the fallback strategy", () => {
    const own: Contract = { ...ACTI_TEMPLATES.market_analysis, name: 'my_analysis', maxRetries: 3 };
    const find = (name: string) => (name === 'my_analysis' ? own : undefined);
    expect(selectContract({ intent: 'general_chat', stratum: 'RAI', complexity: 0.3, useContracts: true, agentContract: 'my_analysis' }, find)).toMatchObject({
      name: 'my_analysis',
      failureStrategy: 'fallback',
      maxRetries: 2,
      reason: 'agent contract my_analysis; complexity 0.3: fallback, 2 retries, 12000 tokens',
    });
  });

  it("given an agent's contract that does not exist, when selected, then the maps decide and the reason notes CV-004", () => {
    expect(selectContract({ ...run(0.75), agentContract: 'ghost_contract' })).toMatchObject({
      name: 'lead_qualification',
      reason: 'agent contract ghost_contract not found (CV-004); intent run_agent, stratum RAI → lead_qualification; complexity 0.75: retry, 2 retries, 4000 tokens',
    });
  });
});
