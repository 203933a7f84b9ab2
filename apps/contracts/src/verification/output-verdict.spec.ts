import { buildRetryPrompt, contractToWire, type Contract, type FailureStrategy, parseContract, type ValidationError } from '@sigil/contracts';
import type { RunContract } from '../selection/run-selections';
import { parseContractJson } from '../contracts/contract-json';
import { heldTo, type HeldTo, type OutputToValidate, verdictFor } from './output-verdict';

const parsed = parseContract({
  name: 'lead_review',
  description: 'Scores a lead',
  deliverables: [
    { name: 'score', type: 'int', description: 'Overall score', validation_rules: [{ rule: 'min', value: 0 }, { rule: 'max', value: 100 }], example: 75 },
    { name: 'recommendation', type: 'str', description: 'Recommended action', validation_rules: [{ rule: 'not_empty' }], example: 'Schedule demo' },
    { name: 'analysis', type: 'str', description: 'Detailed analysis', required: false },
  ],
  constraints: { max_total_tokens: 4_000 },
});
if (!parsed.ok) throw new Error('fixture contract must parse');
const LEAD_REVIEW: Contract = parsed.contract;

const held = (failureStrategy: FailureStrategy, maxRetries = 2, tokenBudget = 4_000): HeldTo => ({ kind: 'contract', contract: LEAD_REVIEW, failureStrategy, maxRetries, tokenBudget });
const attempt = (output: string, overrides: Partial<OutputToValidate> = {}): OutputToValidate => ({ output, attempt: 1, task: 'Score Acme', tokensUsed: 500, ...overrides });

const WRONG = '{"score": "high"}';
const WRONG_ERRORS: ValidationError[] = [
  { field: 'score', rule: 'type', expected: 'int', actual: 'str', message: 'score must be int, not str' },
  { field: 'recommendation', rule: 'required', expected: 'str', actual: 'missing', message: 'recommendation is required but missing' },
];

describe('output verdict', () => {
  describe('with a contract', () => {
    it('given a valid object in prose and a fence, when judged, then it succeeds with the object as clean JSON, kept for learning', () => {
      const verdict = verdictFor(held('retry'), attempt('Here you go:\n```json\n{ "score": 80,\n  "recommendation": "Call" }\n```'));
      expect(verdict).toEqual({
        isValid: true,
        errors: [],
        decision: 'success',
        refinedPrompt: '',
        output: '{"score":80,"recommendation":"Call"}',
        missingFields: [],
        recorded: { isValid: true, errors: [], output: { score: 80, recommendation: 'Call' } },
      });
    });

    it('given an invalid first attempt with retries and tokens left, when judged, then it retries with the task, the requirements and the errors', () => {
      const verdict = verdictFor(held('retry'), attempt(WRONG));
      expect(verdict).toMatchObject({ isValid: false, errors: WRONG_ERRORS, decision: 'retry', output: '', recorded: { isValid: false, errors: WRONG_ERRORS, output: null } });
      expect(verdict.refinedPrompt).toBe(buildRetryPrompt({ task: 'Score Acme', contract: LEAD_REVIEW }, { attempt: 1, errors: WRONG_ERRORS }));
      expect(verdict.refinedPrompt).toContain('TASK: Score Acme');
      expect(verdict.refinedPrompt).toContain('  score*: int - Overall score');
      expect(verdict.refinedPrompt).toContain('YOUR PREVIOUS RESPONSE (attempt 1) WAS REJECTED:\n- score must be int, not str\n- recommendation is required but missing');
    });

    it('given an unset attempt number, when judged, then it counts as the first', () => {
      expect(verdictFor(held('retry'), attempt(WRONG, { attempt: 0 })).refinedPrompt).toContain('(attempt 1) WAS REJECTED');
    });

    it.each(['retry', 'fallback'] as const)('given retries used up under %s, when judged, then the gaps are filled from the examples', (strategy) => {
      expect(verdictFor(held(strategy), attempt(WRONG, { attempt: 3 }))).toMatchObject({
        isValid: false,
        errors: WRONG_ERRORS,
        decision: 'fallback',
        output: '{"score":75,"recommendation":"Schedule demo"}',
        missingFields: [],
      });
    });

    it('given too few tokens left for another attempt, when judged, then it falls back instead of retrying', () => {
      expect(verdictFor(held('retry'), attempt(WRONG, { tokensUsed: 3_000 })).decision).toBe('fallback');
    });

    it('given partial and no retries, when judged, then only the valid fields are kept and the missing ones listed', () => {
      expect(verdictFor(held('partial', 0), attempt('{"score": 50, "analysis": 7}'))).toMatchObject({
        isValid: false,
        decision: 'partial',
        output: '{"score":50}',
        missingFields: ['recommendation'],
        errors: [
          { field: 'recommendation', rule: 'required', message: 'recommendation is required but missing' },
          { field: 'analysis', rule: 'type', message: 'analysis must be str, not int' },
        ],
      });
    });

    it('given template and no retries, when judged, then the template output answers', () => {
      expect(verdictFor(held('template', 0), attempt(WRONG))).toMatchObject({ decision: 'template', output: '{"score":75,"recommendation":"Schedule demo","analysis":""}', missingFields: [] });
    });

    it('given escalate with retries used up, when judged, then it escalates with the errors and no output of its own', () => {
      expect(verdictFor(held('escalate'), attempt(WRONG, { attempt: 3 }))).toEqual({
        isValid: false,
        errors: WRONG_ERRORS,
        decision: 'escalate',
        refinedPrompt: '',
        output: '',
        missingFields: [],
        recorded: { isValid: false, errors: WRONG_ERRORS, output: null },
      });
    });

    it('given fail, when judged, then it fails at once despite retries left', () => {
      expect(verdictFor(held('fail', 2), attempt(WRONG))).toMatchObject({ decision: 'fail', errors: WRONG_ERRORS, refinedPrompt: '', output: '' });
    });
  });

  describe('without a contract', () => {
    it('given any text, when judged, then it succeeds with no output of its own', () => {
      expect(verdictFor({ kind: 'none' }, attempt('hello'))).toEqual({
        isValid: true,
        errors: [],
        decision: 'success',
        refinedPrompt: '',
        output: '',
        missingFields: [],
        recorded: { isValid: true, errors: [], output: null },
      });
    });

    it('given blank text, when judged, then it fails as empty', () => {
      expect(verdictFor({ kind: 'none' }, attempt('  \n'))).toMatchObject({
        isValid: false,
        decision: 'fail',
        errors: [{ field: '$', rule: 'not_empty', expected: 'not empty', actual: '"  \\n"', message: 'the response must not be empty' }],
      });
    });
  });

  it('given a refused override, when judged, then it fails with the selection errors and records nothing', () => {
    const errors = [{ field: 'contract_name', rule: 'CV-004', expected: 'e', actual: 'lead_gone', message: "CV-004 Contract not found: no contract or template named 'lead_gone'" }];
    expect(verdictFor({ kind: 'refused', errors }, attempt('{"score": 1}'))).toEqual({ isValid: false, errors, decision: 'fail', refinedPrompt: '', output: '', missingFields: [], recorded: null });
  });

  describe('what the run is held to', () => {
    const run: RunContract = {
      contractName: 'lead_review',
      contractJson: JSON.stringify(contractToWire(LEAD_REVIEW)),
      inline: false,
      failureStrategy: 'partial',
      maxRetries: 1,
      tokenBudget: 6_000,
      selectionErrors: [],
    };

    it('given a snapshot, when resolved, then the selection’s strategy, retries and budget apply, not the contract’s own', () => {
      expect(heldTo(run, (json) => parseContractJson(json))).toEqual({ kind: 'contract', contract: LEAD_REVIEW, failureStrategy: 'partial', maxRetries: 1, tokenBudget: 6_000 });
    });

    it('given no snapshot, when resolved, then there is no contract', () => {
      expect(heldTo({ ...run, contractName: null, contractJson: null }, parseContractJson)).toEqual({ kind: 'none' });
    });

    it('given selection errors, when resolved, then they win over any snapshot', () => {
      const errors = [{ field: 'contract_name', rule: 'CV-004', expected: 'e', actual: 'a', message: 'm' }];
      expect(heldTo({ ...run, selectionErrors: errors }, parseContractJson)).toEqual({ kind: 'refused', errors });
    });

    it('given a snapshot that no longer parses, when resolved, then it is refused as the service’s own error (CV-009)', () => {
      expect(heldTo({ ...run, contractJson: '{"name": "lead_review"}' }, parseContractJson)).toMatchObject({
        kind: 'refused',
        errors: [{ field: 'contract', rule: 'CV-009', message: expect.stringMatching(/^CV-009 Internal execution error: the selected contract lead_review no longer parses: /) }],
      });
    });
  });
});
