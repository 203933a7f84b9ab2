import { contractToWire, getTemplate } from '@sigil/contracts';
import { contractExists, contractNotFound, invalidSpecification, storedContractOf, templateContractOf, templateNameTaken, templateReadOnly } from './contract-replies';

describe('contract replies', () => {
  it('given problems of one code, when replied, then the error has that code, lists each problem with its path and carries them', () => {
    const problems = [
      { path: 'deliverables[0].type', code: 'CV-002' as const, message: 'type must be one of int, float, str, bool, list, dict' },
      { path: 'deliverables[1].type', code: 'CV-002' as const, message: 'type must be one of int, float, str, bool, list, dict' },
    ];
    expect(invalidSpecification(problems)).toEqual({
      error: {
        code: 'CV-002',
        status: 400,
        message:
          'invalid contract specification: deliverables[0].type: type must be one of int, float, str, bool, list, dict; deliverables[1].type: type must be one of int, float, str, bool, list, dict',
      },
      problems,
    });
  });

  it('given problems of different codes, when replied, then the error is the general CV-001', () => {
    const problems = [
      { path: '', code: 'CV-001' as const, message: 'a contract must be a JSON object' },
      { path: 'deliverables[0].validation_rules[0]', code: 'CV-003' as const, message: 'unknown rule' },
    ];
    expect(invalidSpecification(problems).error).toEqual({
      code: 'CV-001',
      status: 400,
      message: 'invalid contract specification: a contract must be a JSON object; deliverables[0].validation_rules[0]: unknown rule',
    });
  });

  it('given each refusal, when replied, then it has its appendix C code and status', () => {
    expect(contractNotFound('nope')).toEqual({ error: { code: 'CV-004', status: 404, message: "no contract or template named 'nope'" } });
    expect(contractExists('lead_review')).toEqual({ error: { code: 'CV-005', status: 409, message: "a contract named 'lead_review' already exists" } });
    expect(templateNameTaken('research_report')).toEqual({ error: { code: 'CV-005', status: 409, message: "'research_report' is the name of a template; choose another name" } });
    expect(templateReadOnly('research_report')).toEqual({
      error: { code: 'CV-006', status: 403, message: "'research_report' is a template and templates are read-only; create a contract of your own from it" },
    });
  });

  it('given a template, when shown, then it is revision 1 without times and its JSON is its wire form', () => {
    const template = getTemplate('lead_qualification');
    if (!template) throw new Error('lead_qualification template missing');
    const shown = templateContractOf(template);
    expect(shown).toMatchObject({ revision: 1, isTemplate: true, createdAt: '', updatedAt: '' });
    expect(JSON.parse(shown.contractJson)).toEqual(contractToWire(template));
  });

  it('given a stored row, when shown, then its times are RFC 3339 and its JSON is as stored', () => {
    const row = { name: 'x_y', revision: 3, contract_json: '{"name":"x_y"}', created_at: new Date('2025-01-01T00:00:00Z'), updated_at: new Date('2025-02-01T10:00:00.5Z') };
    expect(storedContractOf(row)).toEqual({ contractJson: '{"name":"x_y"}', revision: 3, isTemplate: false, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-02-01T10:00:00.500Z' });
  });
});
