import type { Deliverable, ElementSpec } from '../model/contract';
import { ACTI_TEMPLATES } from '../templates/acti-templates';
import { validate } from '../validation/compile-contract';
import { defaultValueFor, templateOutput, typeDefault } from './default-output';

const spec = (type: ElementSpec['type'], validationRules: ElementSpec['validationRules'] = []): ElementSpec => ({ type, validationRules });

describe('default outputs', () => {
  it.each([
    [spec('int'), 0],
    [spec('int', [{ rule: 'min', value: 2.5 }]), 3],
    [spec('float', [{ rule: 'min', value: -10 }, { rule: 'max', value: -5 }]), -5],
    [spec('float', [{ rule: 'min', value: 0.5 }]), 0.5],
    [spec('str'), ''],
    [spec('str', [{ rule: 'enum', value: ['hot', 'cold'] }]), 'hot'],
    [spec('bool'), false],
    [spec('list'), []],
    [spec('dict'), {}],
  ])('given %j, when a type default is taken, then it is %j', (element, value) => {
    expect(typeDefault(element)).toEqual(value);
  });

  it('given a dict with properties, when a type default is taken, then required properties get their defaults', () => {
    const contact: ElementSpec = {
      type: 'dict',
      validationRules: [],
      properties: [
        { name: 'email', type: 'str', description: 'Email', required: true, validationRules: [], example: 'a@b.c' },
        { name: 'phone', type: 'str', description: 'Phone', required: false, validationRules: [] },
        { name: 'age', type: 'int', description: 'Age', required: true, validationRules: [{ rule: 'min', value: 18 }] },
      ],
    };
    expect(typeDefault(contact)).toEqual({ email: 'a@b.c', age: 18 });
  });

  it('given a deliverable with an example, when its default is taken, then the example wins', () => {
    const deliverable: Deliverable = { name: 'score', type: 'int', description: 's', required: true, validationRules: [], example: 75 };
    expect(defaultValueFor(deliverable)).toBe(75);
  });

  it.each(Object.values(ACTI_TEMPLATES))('given the $name template, when its template output is built, then it satisfies the template', (template) => {
    expect(validate(templateOutput(template), template)).toEqual({ isValid: true, errors: [] });
  });

  it('given a not_empty str without example, when the template output is built, then its empty default stays invalid', () => {
    const contract = { name: 'notes', deliverables: [{ name: 'note', type: 'str' as const, description: 'n', required: true, validationRules: [{ rule: 'not_empty' as const }] }] };
    expect(templateOutput(contract)).toEqual({ note: '' });
    expect(validate(templateOutput(contract), contract).errors.map((error) => error.message)).toEqual(['note must not be empty']);
  });
});
