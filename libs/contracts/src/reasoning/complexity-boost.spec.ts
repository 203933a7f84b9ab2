import type { Contract, Deliverable } from '../model/contract';
import { COMPLIANCE_CHECK } from '../templates/compliance-check';
import { contractComplexityBoost, countRules, effectiveComplexity } from './complexity-boost';

const field = (name: string, rules = 0): Deliverable => ({
  name,
  type: 'int',
  description: name,
  required: true,
  validationRules: Array.from({ length: rules }, (_, index) => ({ rule: 'min' as const, value: index })),
});
const contractOf = (deliverables: Deliverable[], failureStrategy: Contract['failureStrategy']) => ({ deliverables, failureStrategy });

describe('contract complexity boost', () => {
  it('given a small lenient contract, when boosted, then nothing is added', () => {
    expect(contractComplexityBoost(contractOf([field('a', 2)], 'retry'))).toEqual({ boost: 0, reasons: [] });
  });

  it('given the spec case (fail, many deliverables, many rules), when boosted from 0.5, then the effective complexity is 0.9', () => {
    const contract = contractOf(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => field(name, 2)), 'fail');
    expect(contractComplexityBoost(contract)).toEqual({
      boost: 0.4,
      reasons: ['fail strategy: +0.2', '6 deliverables (> 5): +0.1', '12 validation rules (> 10): +0.1'],
    });
    expect(effectiveComplexity(0.5, contract)).toBe(0.9);
  });

  it('given exactly 5 deliverables and 10 rules, when boosted, then the thresholds are not passed', () => {
    expect(contractComplexityBoost(contractOf(['a', 'b', 'c', 'd', 'e'].map((name) => field(name, 2)), 'partial')).boost).toBe(0);
  });

  it('given a high base complexity, when boosted, then it is capped at 1', () => {
    expect(effectiveComplexity(0.95, contractOf([field('a')], 'fail'))).toBe(1);
  });

  it('given items rules with nested rules and properties, when counted, then every entry counts', () => {
    // compliance_check: compliant 0, risk_level 1, risk_score 2, policies_checked 1 + (items 1 + 1 inside),
    // violations (items 1 + 3 inside), required_actions (items 1 + 1 inside), summary 2
    expect(countRules(COMPLIANCE_CHECK.deliverables)).toBe(14);
  });
});
