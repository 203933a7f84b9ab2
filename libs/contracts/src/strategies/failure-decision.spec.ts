import type { Contract, FailureStrategy } from '../model/contract';
import type { JsonObject } from '../model/json-value';
import { CLOSING_INSTRUCTION } from '../reasoning/contract-prompt';
import { validate, validateText } from '../validation/compile-contract';
import { type FailureDecisionInput, decideAfterValidation } from './failure-decision';

const contractWith = (failureStrategy: FailureStrategy, maxRetries = 2): Contract => ({
  name: 'lead_review',
  description: 'Scores a lead',
  version: '1.0.0',
  deliverables: [
    { name: 'score', type: 'int', description: 'Score', required: true, validationRules: [{ rule: 'min', value: 0 }, { rule: 'max', value: 100 }], example: 50 },
    { name: 'recommendation', type: 'str', description: 'Action', required: true, validationRules: [{ rule: 'not_empty' }], example: 'Follow up' },
    { name: 'analysis', type: 'str', description: 'Why', required: false, validationRules: [] },
  ],
  constraints: { maxTotalTokens: 1000, maxToolCalls: 0, timeoutSeconds: 30, warnThreshold: 0.8 },
  failureStrategy,
  maxRetries,
});

const invalidOutput: JsonObject = { score: '75', analysis: 'Strong budget' };
const decide = (contract: Contract, overrides: Partial<FailureDecisionInput> = {}, output: JsonObject = invalidOutput) =>
  decideAfterValidation({
    contract,
    validation: { ...validate(output, contract), output },
    attempt: 1,
    tokensUsed: 200,
    prompt: { task: 'Qualify Acme', contract },
    ...overrides,
  });

describe('deciding after validation', () => {
  it('given a valid output, when decided, then it is accepted as success with its output', () => {
    const output = { score: 80, recommendation: 'Call' };
    expect(decide(contractWith('retry'), {}, output)).toEqual({ action: 'accept', appliedStrategy: 'success', attempts: 1, output, errors: [], budgetWarning: false });
  });

  it('given an invalid output under fail, when decided, then CV-008 is raised at once with every error in the detail', () => {
    const decision = decide(contractWith('fail', 2));
    expect(decision).toMatchObject({
      action: 'fail',
      appliedStrategy: 'fail',
      attempts: 1,
      error: {
        code: 'CV-008',
        status: 422,
        title: 'Contract violation (fail strategy)',
        detail: 'output violates contract lead_review: score must be int, not str; recommendation is required but missing',
      },
    });
  });

  it.each<FailureStrategy>(['retry', 'fallback', 'partial', 'template', 'escalate'])(
    'given an invalid output under %s with retries and tokens left, when decided, then it retries with the errors quoted',
    (strategy) => {
      const decision = decide(contractWith(strategy));
      expect(decision.action).toBe('retry');
      if (decision.action !== 'retry') return;
      expect(decision.prompt.endsWith(
        `YOUR PREVIOUS RESPONSE (attempt 1) WAS REJECTED:\n- score must be int, not str\n- recommendation is required but missing\nFix every error listed above.\n\n${CLOSING_INSTRUCTION}`,
      )).toBe(true);
      expect(decision.errors.map((error) => error.field)).toEqual(['score', 'recommendation']);
    },
  );

  it('given the last allowed retry was used, when decided under retry, then the fallback path fills the gaps', () => {
    expect(decide(contractWith('retry', 2), { attempt: 3, tokensUsed: 600 })).toEqual({
      action: 'complete',
      appliedStrategy: 'fallback',
      attempts: 3,
      output: { analysis: 'Strong budget', score: 50, recommendation: 'Follow up' },
      errors: [],
      isComplete: true,
      filledFields: ['score', 'recommendation'],
      missingFields: [],
      budgetWarning: false,
    });
  });

  it('given too few tokens left for another average attempt, when decided, then it does not retry', () => {
    // Two attempts cost 750 (375 each on average) and only 250 remain; at 600 used, 400 remain for a 300 attempt.
    expect(decide(contractWith('fallback', 5), { attempt: 2, tokensUsed: 750 })).toMatchObject({ action: 'complete', appliedStrategy: 'fallback', budgetWarning: false });
    expect(decide(contractWith('fallback', 5), { attempt: 2, tokensUsed: 600 }).action).toBe('retry');
  });

  it('given token use past the warn threshold, when decided, then the decision carries a budget warning', () => {
    expect(decide(contractWith('fallback', 5), { attempt: 1, tokensUsed: 800 }).budgetWarning).toBe(true);
    expect(decide(contractWith('fallback', 5), { attempt: 1, tokensUsed: 799 }).budgetWarning).toBe(false);
  });

  it('given no retries under partial, when decided, then only the valid fields are returned, marked incomplete, with what is missing', () => {
    expect(decide(contractWith('partial', 0))).toMatchObject({
      action: 'complete',
      appliedStrategy: 'partial',
      output: { analysis: 'Strong budget' },
      isComplete: false,
      filledFields: [],
      missingFields: ['score', 'recommendation'],
    });
  });

  it('given no retries under template, when decided, then the template output replaces the answer', () => {
    expect(decide(contractWith('template', 0))).toMatchObject({
      action: 'complete',
      appliedStrategy: 'template',
      output: { score: 50, recommendation: 'Follow up', analysis: '' },
      isComplete: true,
      filledFields: ['score', 'recommendation', 'analysis'],
      missingFields: [],
      errors: [],
    });
  });

  it('given no retries left under escalate, when decided, then it is parked for review with the reasons', () => {
    const contract = contractWith('escalate', 1);
    expect(decide(contract, { attempt: 2 })).toEqual({
      action: 'escalate',
      appliedStrategy: 'escalate',
      attempts: 2,
      output: invalidOutput,
      errors: validate(invalidOutput, contract).errors,
      budgetWarning: false,
      reasons: ['retries exhausted (1 of 1)', 'score must be int, not str', 'recommendation is required but missing'],
    });
  });

  it('given retries left but no budget under escalate, when decided, then the reason is the budget', () => {
    const decision = decide(contractWith('escalate', 3), { tokensUsed: 1000 });
    expect(decision.action === 'escalate' && decision.reasons[0]).toBe('token budget exhausted (1000 of 1000)');
  });

  it('given a selection overriding strategy, retries and budget, when decided, then the overrides win over the contract', () => {
    const contract = contractWith('retry', 2);
    expect(decide(contract, { failureStrategy: 'fail' }).action).toBe('fail');
    expect(decide(contract, { maxRetries: 0 }).appliedStrategy).toBe('fallback');
    expect(decide(contract, { tokenBudget: 300 }).appliedStrategy).toBe('fallback');
  });

  it('given an answer with no JSON, when decided after the last retry under fallback, then the defaults make the whole output', () => {
    const contract = contractWith('fallback', 0);
    const decision = decideAfterValidation({ contract, validation: validateText('no idea', contract), attempt: 1, tokensUsed: 10, prompt: { task: 't', contract } });
    expect(decision).toMatchObject({ appliedStrategy: 'fallback', output: { score: 50, recommendation: 'Follow up' }, isComplete: true });
  });
});
