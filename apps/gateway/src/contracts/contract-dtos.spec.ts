import 'reflect-metadata';
import { ProblemException } from '../common/problem';
import { strictValidationPipe } from '../common/validation';
import { contractBodyViolation, contractTarget, ValidateOutputDto } from './contract-dtos';

const validateBody = async (body: unknown) => {
  try {
    return { dto: (await strictValidationPipe().transform(body, { type: 'body', metatype: ValidateOutputDto })) as ValidateOutputDto };
  } catch (error) {
    if (error instanceof ProblemException) return { violations: error.problem.validationErrors };
    throw error;
  }
};

describe('the validate body', () => {
  it('given a contract by name and an object output, when validated, then both pass unchanged', async () => {
    const output = { score: 75, findings: [{ claim: 'x', nested: { deep: [1, null, 'a'] } }] };
    expect(await validateBody({ contract_name: 'lead_review', output })).toEqual({ dto: expect.objectContaining({ contract_name: 'lead_review', output }) });
  });

  it('given an inline contract with nested fields, when validated, then it passes untouched (the contracts service checks it)', async () => {
    const contract = { name: 'x', deliverables: [{ name: 'a', type: 'str', validation_rules: [{ rule: 'pattern', value: '^a$' }], extra: true }] };
    const { dto } = await validateBody({ contract, output: 'raw text' });
    expect(JSON.stringify(dto?.contract)).toBe(JSON.stringify(contract));
    expect(dto?.output).toBe('raw text');
  });

  it.each([[null], [0], [false], [''], [[]]])('given the output %j, when validated, then any JSON value is accepted', async (output) => {
    expect((await validateBody({ contract_name: 'lead_review', output })).dto?.output).toEqual(output);
  });

  it('given no output, an unknown field and a non-object contract, when validated, then each is a violation naming its field', async () => {
    expect(await validateBody({ contract: [1], colour: 'red' })).toEqual({
      violations: [
        { field: 'colour', message: 'property colour should not exist' },
        { field: 'contract', message: 'contract must be a JSON object (a contract specification)' },
        { field: 'output', message: 'output is required: the JSON value, or the raw model text, to check' },
      ],
    });
  });
});

describe('choosing the contract to validate against', () => {
  it('given a name, when chosen, then it is the named contract', () => {
    expect(contractTarget({ contract_name: 'lead_review' })).toEqual({ target: { name: 'lead_review' } });
  });

  it('given an inline contract, when chosen, then it is that contract', () => {
    expect(contractTarget({ contract: { name: 'x' } })).toEqual({ target: { contract: { name: 'x' } } });
  });

  it('given neither, when chosen, then contract_name is named as missing', () => {
    expect(contractTarget({})).toEqual({ violation: { field: 'contract_name', message: 'send contract_name or an inline contract' } });
  });

  it('given both, when chosen, then contract is named as the one too many', () => {
    expect(contractTarget({ contract_name: 'a', contract: {} })).toEqual({ violation: { field: 'contract', message: 'send either contract_name or an inline contract, not both' } });
  });
});

describe('the envelope of a contract body', () => {
  it.each([[[]], [null], ['text'], [7], [undefined]])('given the body %j, when checked, then it must be a JSON object', (body) => {
    expect(contractBodyViolation(body)).toEqual({ field: 'body', message: 'a contract must be a JSON object' });
  });

  it('given an object, when checked for a create, then anything inside is left to the contracts service', () => {
    expect(contractBodyViolation({ name: 'Bad Name', deliverables: 'x' })).toBeUndefined();
  });

  it('given an update whose body names another contract or none, when checked, then name must be the one in the path', () => {
    expect(contractBodyViolation({ name: 'other' }, 'lead_review')).toEqual({ field: 'name', message: "name must be 'lead_review', the name in the path" });
    expect(contractBodyViolation({}, 'lead_review')).toEqual({ field: 'name', message: "name must be 'lead_review', the name in the path" });
    expect(contractBodyViolation({ name: 'lead_review' }, 'lead_review')).toBeUndefined();
  });
});
