import { CONTRACT_DEFAULTS, MAX_NESTING_DEPTH, parseContract } from './parse-contract';

const minimal = { name: 'lead_review', description: 'Scores a lead', deliverables: [{ name: 'score', type: 'int', description: 'Score' }] };
const problemsOf = (input: unknown) => {
  const parsed = parseContract(input);
  return parsed.ok ? [] : parsed.problems;
};

describe('parsing a contract spec', () => {
  it('given a minimal spec, when parsed, then the spec defaults fill version, strategy, retries and constraints', () => {
    expect(parseContract(minimal)).toEqual({
      ok: true,
      contract: {
        name: 'lead_review',
        description: 'Scores a lead',
        version: '1.0.0',
        deliverables: [{ name: 'score', type: 'int', description: 'Score', required: true, validationRules: [] }],
        constraints: CONTRACT_DEFAULTS.constraints,
        failureStrategy: 'retry',
        maxRetries: 2,
      },
    });
  });

  it('given a full snake_case spec, when parsed, then every field lands in its camelCase place', () => {
    const parsed = parseContract({
      ...minimal,
      version: '2.1.0',
      failure_strategy: 'partial',
      max_retries: 1,
      constraints: { max_total_tokens: 500, max_tool_calls: 2, timeout_seconds: 30, warn_threshold: 0.9 },
      metadata: { owner: 'sales' },
      deliverables: [
        { name: 'tags', type: 'list', description: 'Tags', required: false, validation_rules: [{ rule: 'items', value: { type: 'str', validation_rules: [{ rule: 'not_empty' }] } }], example: ['b2b'] },
        { name: 'contact', type: 'dict', description: 'Contact', properties: [{ name: 'email', type: 'str', description: 'Email' }] },
      ],
    });
    expect(parsed).toEqual({
      ok: true,
      contract: {
        name: 'lead_review',
        description: 'Scores a lead',
        version: '2.1.0',
        deliverables: [
          { name: 'tags', type: 'list', description: 'Tags', required: false, validationRules: [{ rule: 'items', value: { type: 'str', validationRules: [{ rule: 'not_empty' }] } }], example: ['b2b'] },
          { name: 'contact', type: 'dict', description: 'Contact', required: true, validationRules: [], properties: [{ name: 'email', type: 'str', description: 'Email', required: true, validationRules: [] }] },
        ],
        constraints: { maxTotalTokens: 500, maxToolCalls: 2, timeoutSeconds: 30, warnThreshold: 0.9 },
        failureStrategy: 'partial',
        maxRetries: 1,
        metadata: { owner: 'sales' },
      },
    });
  });

  it.each([['Lead'], ['ab'], ['9lives'], ['lead-review'], [`a${'b'.repeat(64)}`], [7]])('given the name %j, when parsed, then CV-001 names the name field', (name) => {
    expect(problemsOf({ ...minimal, name })).toEqual([{ path: 'name', code: 'CV-001', message: 'name must match ^[a-z][a-z0-9_]{2,63}$' }]);
  });

  it('given something other than an object, when parsed, then CV-001 is reported at the root', () => {
    expect(problemsOf([])).toEqual([{ path: '', code: 'CV-001', message: 'a contract must be a JSON object' }]);
  });

  it('given missing description and deliverables and an unknown field, when parsed, then each is its own CV-001', () => {
    expect(problemsOf({ name: 'lead_review', deliverable: [] })).toEqual([
      { path: 'deliverable', code: 'CV-001', message: 'unknown field deliverable' },
      { path: 'description', code: 'CV-001', message: 'description must be text of 1 to 2000 characters' },
      { path: 'deliverables', code: 'CV-001', message: 'deliverables must be a list of 1 to 50 deliverables' },
    ]);
  });

  it('given bad strategy, retries and constraints, when parsed, then each names its path', () => {
    expect(problemsOf({ ...minimal, failure_strategy: 'ignore', max_retries: 11, constraints: { max_total_tokens: 0, warn_threshold: 2 } })).toEqual([
      { path: 'failure_strategy', code: 'CV-001', message: 'failure_strategy must be one of retry, fallback, partial, template, escalate, fail' },
      { path: 'max_retries', code: 'CV-001', message: 'max_retries must be a whole number from 0 to 10' },
      { path: 'constraints.max_total_tokens', code: 'CV-001', message: 'max_total_tokens must be a whole number from 1 to 1000000' },
      { path: 'constraints.warn_threshold', code: 'CV-001', message: 'warn_threshold must be a number above 0, at most 1' },
    ]);
  });

  it('given two deliverables with one name, when parsed, then the second is a duplicate', () => {
    const deliverables = [minimal.deliverables[0], { name: 'other', type: 'str', description: 'x' }, minimal.deliverables[0]];
    expect(problemsOf({ ...minimal, deliverables })).toEqual([
      { path: 'deliverables[2].name', code: 'CV-001', message: 'duplicate deliverable name score (also deliverables[0])' },
    ]);
  });

  it('given an unknown deliverable type, when parsed, then CV-002 names its path', () => {
    const deliverables = [minimal.deliverables[0], { name: 'when', type: 'datetime', description: 'x' }];
    expect(problemsOf({ ...minimal, deliverables })).toEqual([{ path: 'deliverables[1].type', code: 'CV-002', message: 'type must be one of int, float, str, bool, list, dict' }]);
  });

  it('given a bad element type inside an items rule, when parsed, then CV-002 names the nested path', () => {
    const deliverables = [{ name: 'tags', type: 'list', description: 'x', validation_rules: [{ rule: 'items', value: { type: 'string' } }] }];
    expect(problemsOf({ ...minimal, deliverables })).toEqual([
      { path: 'deliverables[0].validation_rules[0].value.type', code: 'CV-002', message: 'type must be one of int, float, str, bool, list, dict' },
    ]);
  });

  it('given a dict property with a bad name, when parsed, then the path goes through properties', () => {
    const deliverables = [{ name: 'contact', type: 'dict', description: 'x', properties: [{ name: 'e.mail', type: 'str', description: 'x' }] }];
    expect(problemsOf({ ...minimal, deliverables })).toEqual([
      { path: 'deliverables[0].properties[0].name', code: 'CV-001', message: 'name must match ^[A-Za-z][A-Za-z0-9_]{0,63}$' },
    ]);
  });

  it.each(['__proto__', '_private', '1st'])('given the deliverable name %s, when parsed, then it is refused (names start with a letter)', (name) => {
    expect(problemsOf({ ...minimal, deliverables: [{ name, type: 'str', description: 'x' }] })).toEqual([
      { path: 'deliverables[0].name', code: 'CV-001', message: 'name must match ^[A-Za-z][A-Za-z0-9_]{0,63}$' },
    ]);
  });

  it('given properties on a str, when parsed, then only a dict may have them', () => {
    const deliverables = [{ name: 'text', type: 'str', description: 'x', properties: [] }];
    expect(problemsOf({ ...minimal, deliverables })).toEqual([{ path: 'deliverables[0].properties', code: 'CV-001', message: 'only a dict has properties' }]);
  });

  it('given an example that breaks its own rules, when parsed, then CV-001 quotes the failure', () => {
    const deliverables = [{ name: 'score', type: 'int', description: 'x', validation_rules: [{ rule: 'max', value: 100 }], example: 150 }];
    expect(problemsOf({ ...minimal, deliverables })).toEqual([
      { path: 'deliverables[0].example', code: 'CV-001', message: 'example does not satisfy the deliverable: score must be <= 100, got 150' },
    ]);
  });

  it('given lists nested past the depth limit, when parsed, then the nesting is refused', () => {
    let element: Record<string, unknown> = { type: 'str' };
    for (let level = 0; level <= MAX_NESTING_DEPTH; level += 1) element = { type: 'list', validation_rules: [{ rule: 'items', value: element }] };
    const problems = problemsOf({ ...minimal, deliverables: [{ name: 'deep', description: 'x', ...element }] });
    expect(problems.map((problem) => [problem.code, problem.message])).toEqual([['CV-001', 'nested deeper than 4 levels']]);
  });
});
