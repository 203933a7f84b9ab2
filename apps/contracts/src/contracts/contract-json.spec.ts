import { parseContractJson } from './contract-json';

const spec = {
  name: 'lead_review',
  description: 'Scores a lead',
  deliverables: [{ name: 'score', type: 'int', description: 'Score' }],
};

describe('contract JSON', () => {
  it('given a spec without a version, when parsed, then the defaults fill in and the version is not given', () => {
    const parsed = parseContractJson(JSON.stringify(spec));
    expect(parsed).toMatchObject({ ok: true, versionGiven: false, contract: { name: 'lead_review', version: '1.0.0', failureStrategy: 'retry', maxRetries: 2 } });
  });

  it('given a spec with a version, when parsed, then the version is given', () => {
    expect(parseContractJson(JSON.stringify({ ...spec, version: '1.0.0' }))).toMatchObject({ ok: true, versionGiven: true, contract: { version: '1.0.0' } });
  });

  it('given text that is not JSON, when parsed, then it is one CV-001 problem at the root', () => {
    const parsed = parseContractJson('{"name": ');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ path: '', code: 'CV-001' });
    expect(parsed.problems[0].message).toMatch(/^the contract is not JSON: /);
  });

  it('given an unknown deliverable type, when parsed, then the CV-002 problem names its path', () => {
    const parsed = parseContractJson(JSON.stringify({ ...spec, deliverables: [{ name: 'score', type: 'integer', description: 'Score' }] }));
    expect(parsed).toEqual({ ok: false, problems: [{ path: 'deliverables[0].type', code: 'CV-002', message: 'type must be one of int, float, str, bool, list, dict' }] });
  });

  it('given an update whose body names another contract, when parsed, then the name is a CV-001 problem', () => {
    expect(parseContractJson(JSON.stringify(spec), 'lead_score')).toEqual({
      ok: false,
      problems: [{ path: 'name', code: 'CV-001', message: "name must be 'lead_score', the contract being updated, not 'lead_review'; create a new contract to use another name" }],
    });
  });

  it('given an update with another name and another problem, when parsed, then both are reported', () => {
    const parsed = parseContractJson(JSON.stringify({ ...spec, description: '' }), 'lead_score');
    expect(parsed.ok ? [] : parsed.problems.map((problem) => problem.path)).toEqual(['description', 'name']);
  });

  it('given an update with the path name, when parsed, then it passes', () => {
    expect(parseContractJson(JSON.stringify(spec), 'lead_review').ok).toBe(true);
  });
});
