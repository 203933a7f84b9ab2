import type { ContractShape } from '../model/contract';
import { RESEARCH_REPORT } from '../templates/research-report';
import { buildContractPrompt, buildRetryPrompt, typeLabel } from './contract-prompt';

/** The contract of the spec's "Prompt Enhancement" block. */
const specContract: ContractShape = {
  name: 'lead_review',
  deliverables: [
    { name: 'score', type: 'int', description: 'Overall score from 0-100', required: true, validationRules: [{ rule: 'min', value: 0 }, { rule: 'max', value: 100 }], example: 75 },
    { name: 'recommendation', type: 'str', description: 'Recommended action', required: true, validationRules: [], example: 'Schedule demo' },
    { name: 'analysis', type: 'str', description: 'Detailed analysis', required: false, validationRules: [], example: 'Strong budget, needs timeline clarity' },
  ],
};

const SPEC_PROMPT = `TASK: Qualify the lead Acme Corp

OUTPUT REQUIREMENTS:
Your response must be a valid JSON object with the following structure:

  score*: int - Overall score from 0-100
  recommendation*: str - Recommended action
  analysis: str - Detailed analysis

(* = required field)

EXAMPLE OUTPUT:
{
  "score": 75,
  "recommendation": "Schedule demo",
  "analysis": "Strong budget, needs timeline clarity"
}

VALIDATION RULES:
- score: value >= 0, value <= 100

COMMON MISTAKES TO AVOID:
- Missing field: recommendation
- Type error: score must be int, not str

Return ONLY the JSON object, no explanatory text.`;

describe('contract-aware prompt', () => {
  it('given the spec contract and two common mistakes, when the prompt is built, then it is the spec block exactly', () => {
    const prompt = buildContractPrompt({
      task: 'Qualify the lead Acme Corp',
      contract: specContract,
      commonMistakes: ['Missing field: recommendation', 'Type error: score must be int, not str'],
    });
    expect(prompt).toBe(SPEC_PROMPT);
  });

  it('given no examples, rules or history, when the prompt is built, then those sections are left out', () => {
    const bare: ContractShape = { name: 'bare', deliverables: [{ name: 'answer', type: 'str', description: 'The answer', required: true, validationRules: [] }] };
    expect(buildContractPrompt({ task: 'Say hi', contract: bare, commonMistakes: [], exemplars: [] })).toBe(
      [
        'TASK: Say hi',
        'OUTPUT REQUIREMENTS:\nYour response must be a valid JSON object with the following structure:\n\n  answer*: str - The answer\n\n(* = required field)',
        'Return ONLY the JSON object, no explanatory text.',
      ].join('\n\n'),
    );
  });

  it('given exemplars, when the prompt is built, then they follow the mistakes before the closing line', () => {
    const prompt = buildContractPrompt({ task: 't', contract: specContract, exemplars: [{ score: 90, recommendation: 'Call now' }] });
    expect(prompt.endsWith('OUTPUTS THAT PASSED BEFORE:\n{\n  "score": 90,\n  "recommendation": "Call now"\n}\n\nReturn ONLY the JSON object, no explanatory text.')).toBe(true);
  });

  it('given a contract with lists of dicts, when the prompt is built, then nested fields are indented and rules use element paths', () => {
    const lines = buildContractPrompt({ task: 't', contract: RESEARCH_REPORT }).split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      '  findings*: list[dict] - Key findings, each with its evidence and confidence',
      '    claim*: str - What was found',
      '    confidence*: float - Confidence from 0 to 1',
      '  limitations: list[str] - What the report could not establish',
      '- findings: length >= 1',
      '- findings[].confidence: value >= 0, value <= 1',
      '- sources[].url: matches /^https?://\\S+$/',
      '- limitations[]: not empty',
    ]));
  });

  it('given a rejected attempt, when the retry prompt is built, then it quotes each error before the closing line', () => {
    const prompt = buildRetryPrompt(
      { task: 'Qualify the lead Acme Corp', contract: specContract },
      {
        attempt: 1,
        errors: [
          { field: 'score', rule: 'type', expected: 'int', actual: 'str', message: 'score must be int, not str' },
          { field: 'recommendation', rule: 'required', expected: 'str', actual: 'missing', message: 'recommendation is required but missing' },
        ],
      },
    );
    expect(prompt.startsWith('TASK: Qualify the lead Acme Corp\n\nOUTPUT REQUIREMENTS:')).toBe(true);
    expect(prompt.endsWith(
      'YOUR PREVIOUS RESPONSE (attempt 1) WAS REJECTED:\n- score must be int, not str\n- recommendation is required but missing\nFix every error listed above.\n\nReturn ONLY the JSON object, no explanatory text.',
    )).toBe(true);
  });

  it('given nested lists, when labelled, then each level shows its element type', () => {
    expect(typeLabel({ type: 'list', validationRules: [{ rule: 'items', value: { type: 'list', validationRules: [{ rule: 'items', value: { type: 'int', validationRules: [] } }] } }] })).toBe('list[list[int]]');
  });
});
