import { contractView, outputPayload, promptContextView, validationView } from './contract-view';

const wire = { name: 'lead_review', description: 'Scores a lead', version: '1.0.0', deliverables: [{ name: 'score', type: 'int', description: 'Score', required: true, validation_rules: [] }] };

describe('contract view', () => {
  it("given a stored contract, when viewed, then it is its wire JSON followed by the store's bookkeeping", () => {
    const stored = { contractJson: JSON.stringify(wire), revision: 3, isTemplate: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' };
    const view = contractView(stored);
    expect(view).toEqual({ ...wire, revision: 3, is_template: false, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-02T00:00:00.000Z' });
    expect(Object.keys(view)).toEqual(['name', 'description', 'version', 'deliverables', 'revision', 'is_template', 'created_at', 'updated_at']);
  });

  it('given a template, when viewed, then its empty times are null', () => {
    expect(contractView({ contractJson: JSON.stringify(wire), revision: 1, isTemplate: true, createdAt: '', updatedAt: '' })).toMatchObject({
      revision: 1,
      is_template: true,
      created_at: null,
      updated_at: null,
    });
  });

  it.each(['not json', '[1]', 'null'])('given stored text %j that is not a JSON object, when viewed, then it is an error (a 500), not a guess', (contractJson) => {
    expect(() => contractView({ contractJson, revision: 1, isTemplate: false, createdAt: '', updatedAt: '' })).toThrow(/contracts service sent a contract/);
  });
});

describe('output sent for validation', () => {
  it('given a string, when sent, then it is raw model text as is', () => {
    expect(outputPayload('Here you go: {"score": 5}')).toEqual({ outputJson: 'Here you go: {"score": 5}', outputIsText: true });
  });

  it.each([
    [{ score: 5 }, '{"score":5}'],
    [[1, 2], '[1,2]'],
    [null, 'null'],
    [42, '42'],
    [false, 'false'],
  ])('given the JSON value %j, when sent, then it is its JSON text', (output, outputJson) => {
    expect(outputPayload(output)).toEqual({ outputJson, outputIsText: false });
  });
});

describe('validation view', () => {
  it('given a reply, when viewed, then it is is_valid and each error with its five fields', () => {
    const error = { field: 'score', rule: 'type', expected: 'int', actual: 'str', message: 'score must be int, not str' };
    expect(validationView({ isValid: false, errors: [{ ...error, $typeName: 'sigil.contracts.v1.ValidationIssue' }] })).toEqual({ is_valid: false, errors: [error] });
    expect(validationView({ isValid: true, errors: [] })).toEqual({ is_valid: true, errors: [] });
  });
});

describe('prompt context view', () => {
  it('given a context with history, when viewed, then exemplars are JSON values and the counts are numbers', () => {
    const reply = { prompt: 'TASK: x', commonMistakes: ['score must be int, not str'], exemplars: ['{"score":80}', '{"score":60}'], successRate: 0.75, validations: 4n };
    expect(promptContextView(reply)).toEqual({
      prompt: 'TASK: x',
      common_mistakes: ['score must be int, not str'],
      exemplars: [{ score: 80 }, { score: 60 }],
      success_rate: 0.75,
      validations: 4,
    });
  });

  it('given no validation yet, when viewed, then the success rate is null rather than 0', () => {
    expect(promptContextView({ prompt: 'p', commonMistakes: [], exemplars: [], successRate: 0, validations: 0n })).toEqual({
      prompt: 'p',
      common_mistakes: [],
      exemplars: [],
      success_rate: null,
      validations: 0,
    });
  });
});
