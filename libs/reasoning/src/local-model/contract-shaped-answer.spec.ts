import { contractShapedAnswer } from './contract-shaped-answer';

const contractPrompt = (extra = '') =>
  [
    'TASK: qualify Acme',
    'OUTPUT REQUIREMENTS:\nYour response must be a valid JSON object with the following structure:\n\n  score*: int - Overall score\n    detail: str - nested, not top level\n  verdict*: str - Verdict\n  notes: str - Notes\n\n(* = required field)',
    'EXAMPLE OUTPUT:\n{\n  "score": 75\n}',
    extra,
    'Return ONLY the JSON object, no explanatory text.',
  ]
    .filter(Boolean)
    .join('\n\n');

describe('contract-shaped answer', () => {
  it('given a prompt without output requirements, when answered, then there is no contract-shaped answer', () => {
    expect(contractShapedAnswer('What is 2 + 2?')).toBeUndefined();
  });

  it('given a first contract prompt, when answered, then the example comes back as fenced JSON, missing fields and all', () => {
    expect(contractShapedAnswer(contractPrompt())).toBe('```json\n{\n  "score": 75\n}\n```');
  });

  it('given a retry prompt, when answered, then each missing required top-level field gets a neutral value of its type', () => {
    const retry = contractPrompt('YOUR PREVIOUS RESPONSE (attempt 1) WAS REJECTED:\n- verdict is required but missing\nFix every error listed above.');
    expect(JSON.parse((contractShapedAnswer(retry) ?? '').replace(/^```json\n|\n```$/g, ''))).toEqual({ score: 75, verdict: 'unknown' });
  });

  it('given requirements without an example, when answered, then an empty object comes back', () => {
    expect(contractShapedAnswer('OUTPUT REQUIREMENTS:\n  a*: int - x\n\n(* = required field)')).toBe('```json\n{}\n```');
  });
});
