import { templateOutput } from '../strategies/default-output';
import { validate } from '../validation/compile-contract';
import { COMPLIANCE_CHECK } from './compliance-check';

describe('compliance_check template', () => {
  it('given the template, when its strategy is read, then governance answers fail strictly without retries', () => {
    expect([COMPLIANCE_CHECK.failureStrategy, COMPLIANCE_CHECK.maxRetries]).toEqual(['fail', 0]);
  });

  it('given "yes" for compliant and an unknown severity, when validated, then both are caught', () => {
    const output = { ...templateOutput(COMPLIANCE_CHECK), compliant: 'yes', violations: [{ policy: 'GDPR', severity: 'severe', description: 'No consent' }] };
    expect(validate(output, COMPLIANCE_CHECK).errors.map((error) => error.message)).toEqual([
      'compliant must be bool, not str',
      'violations[0].severity must be one of [low, medium, high, critical], got "severe"',
    ]);
  });
});
