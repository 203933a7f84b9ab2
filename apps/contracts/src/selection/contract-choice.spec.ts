import { type Contract, getTemplate, parseContract } from '@sigil/contracts';
import { chooseContract, type ContractChoice, type RouteFacts } from './contract-choice';
import type { RunOverrides } from './run-overrides';

const LEAD_REVIEW_WIRE = {
  name: 'lead_review',
  description: 'Scores a lead',
  deliverables: [{ name: 'score', type: 'int', description: 'Overall score', validation_rules: [{ rule: 'min', value: 0 }], example: 75 }],
  constraints: { max_total_tokens: 3_000 },
  failure_strategy: 'escalate',
  max_retries: 1,
};
const parsedLeadReview = parseContract(LEAD_REVIEW_WIRE);
if (!parsedLeadReview.ok) throw new Error('fixture contract must parse');
const LEAD_REVIEW: Contract = parsedLeadReview.contract;

const NO_OVERRIDES: RunOverrides = { contractName: null, contractJson: null, forceStrategy: null };
const chatRoute: RouteFacts = { intent: 'general_chat', stratum: 'RTI', complexity: 0.3, useContracts: false };
const leadRoute: RouteFacts = { intent: 'run_agent', stratum: 'RAI', complexity: 0.75, useContracts: true };

/** The tenant has lead_review; templates are found as the real lookup finds them. */
const findByName = async (name: string) => (name === 'lead_review' ? LEAD_REVIEW : getTemplate(name));

const choose = (route: RouteFacts, overrides: Partial<RunOverrides> = {}) => chooseContract(route, { ...NO_OVERRIDES, ...overrides }, findByName);

const summary = (choice: ContractChoice) =>
  choice.kind === 'contract'
    ? { name: choice.contract.name, inline: choice.inline, failureStrategy: choice.failureStrategy, maxRetries: choice.maxRetries, tokenBudget: choice.tokenBudget, reason: choice.reason }
    : choice;

describe('contract choice', () => {
  describe('without overrides', () => {
    it('given a routed RAI agent run at 0.75, when chosen, then selection gives lead_qualification with retry', async () => {
      expect(summary(await choose(leadRoute))).toEqual({
        name: 'lead_qualification',
        inline: false,
        failureStrategy: 'retry',
        maxRetries: 2,
        tokenBudget: 4_000,
        reason: 'intent run_agent, stratum RAI → lead_qualification; complexity 0.75: retry, 2 retries, 4000 tokens',
      });
    });

    it('given a route without contracts, when chosen, then there is none and selection says why', async () => {
      expect(await choose(chatRoute)).toEqual({ kind: 'none', reason: 'contracts are switched off' });
    });

    it('given only force_strategy, when the route selects a contract, then its strategy is replaced and fail drops the retries', async () => {
      expect(summary(await choose(leadRoute, { forceStrategy: 'fail' }))).toMatchObject({
        name: 'lead_qualification',
        failureStrategy: 'fail',
        maxRetries: 0,
        reason: 'intent run_agent, stratum RAI → lead_qualification; complexity 0.75: retry, 2 retries, 4000 tokens; failure strategy forced to fail, 0 retries',
      });
    });

    it('given only force_strategy, when the route selects no contract, then the reason says it was ignored', async () => {
      expect(await choose(chatRoute, { forceStrategy: 'partial' })).toEqual({ kind: 'none', reason: 'contracts are switched off; force_strategy partial ignored: no contract applies' });
    });
  });

  describe('with an execute override', () => {
    it('given a tenant contract by name on a route without contracts, when chosen, then it applies with its own strategy, retries and budget', async () => {
      expect(summary(await choose(chatRoute, { contractName: 'lead_review' }))).toEqual({
        name: 'lead_review',
        inline: false,
        failureStrategy: 'escalate',
        maxRetries: 1,
        tokenBudget: 3_000,
        reason: 'execute override: contract lead_review: escalate, 1 retries, 3000 tokens',
      });
    });

    it('given a template by name, when chosen, then the template applies even where selection would pick another', async () => {
      expect(summary(await choose(leadRoute, { contractName: 'compliance_check' }))).toMatchObject({ name: 'compliance_check', failureStrategy: 'fail', maxRetries: 0, tokenBudget: 6_000 });
    });

    it('given an inline contract and force_strategy partial, when chosen, then it applies inline with the forced strategy', async () => {
      expect(summary(await choose(chatRoute, { contractJson: JSON.stringify(LEAD_REVIEW_WIRE), forceStrategy: 'partial' }))).toEqual({
        name: 'lead_review',
        inline: true,
        failureStrategy: 'partial',
        maxRetries: 1,
        tokenBudget: 3_000,
        reason: 'execute override: inline contract lead_review: escalate, 1 retries, 3000 tokens; failure strategy forced to partial, 1 retries',
      });
    });

    it('given an unknown name, when chosen, then it is refused with CV-004 naming the contract', async () => {
      expect(await choose(leadRoute, { contractName: 'lead_gone' })).toEqual({
        kind: 'refused',
        contractName: 'lead_gone',
        errors: [
          {
            field: 'contract_name',
            rule: 'CV-004',
            expected: 'a contract or template of the tenant',
            actual: 'lead_gone',
            message: "CV-004 Contract not found: no contract or template named 'lead_gone'",
          },
        ],
        reason: "execute override refused (CV-004 Contract not found: no contract or template named 'lead_gone'): the run fails at validation",
      });
    });

    it('given inline JSON with a bad deliverable type, when chosen, then it is refused with the CV-002 problem at its path', async () => {
      const bad = { ...LEAD_REVIEW_WIRE, deliverables: [{ name: 'score', type: 'number', description: 'Score' }] };
      const choice = await choose(chatRoute, { contractJson: JSON.stringify(bad) });
      expect(choice).toMatchObject({
        kind: 'refused',
        contractName: '',
        errors: [
          {
            field: 'contract_json.deliverables[0].type',
            rule: 'CV-002',
            message: 'CV-002 Invalid deliverable type: deliverables[0].type: type must be one of int, float, str, bool, list, dict',
          },
        ],
      });
    });

    it('given inline text that is not JSON, when chosen, then it is refused with CV-001 on contract_json', async () => {
      const choice = await choose(chatRoute, { contractJson: 'not json' });
      expect(choice.kind === 'refused' && choice.errors.map(({ field, rule }) => ({ field, rule }))).toEqual([{ field: 'contract_json', rule: 'CV-001' }]);
    });

    it('given both a name and inline JSON, when chosen, then it is refused with CV-001', async () => {
      const choice = await choose(chatRoute, { contractName: 'lead_review', contractJson: JSON.stringify(LEAD_REVIEW_WIRE) });
      expect(choice).toMatchObject({ kind: 'refused', contractName: 'lead_review', errors: [{ field: 'contract_json', rule: 'CV-001', message: 'CV-001 Invalid contract specification: give contract_name or contract_json, not both' }] });
    });

    it('given an unknown force_strategy, when chosen, then it is refused naming the strategies, under the contract asked for', async () => {
      expect(await choose(chatRoute, { contractName: 'lead_review', forceStrategy: 'ignore' })).toMatchObject({
        kind: 'refused',
        contractName: 'lead_review',
        errors: [
          {
            field: 'force_strategy',
            rule: 'CV-001',
            actual: 'ignore',
            message: "CV-001 Invalid contract specification: force_strategy must be one of retry, fallback, partial, template, escalate, fail, not 'ignore'",
          },
        ],
      });
    });
  });
});
