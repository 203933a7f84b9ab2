import type { Contract } from '../model/contract';

const SEVERITIES = ['low', 'medium', 'high', 'critical'];

/** IGE stratum: checks content or an action against governance policies. */
export const COMPLIANCE_CHECK: Contract = {
  name: 'compliance_check',
  description: 'Check content or an action against the given policies and report violations',
  version: '1.0.0',
  deliverables: [
    { name: 'compliant', type: 'bool', description: 'Whether no policy is violated', required: true, validationRules: [], example: false },
    { name: 'risk_level', type: 'str', description: 'Overall risk', required: true, validationRules: [{ rule: 'enum', value: SEVERITIES }], example: 'medium' },
    {
      name: 'risk_score',
      type: 'int',
      description: 'Risk from 0 (none) to 100 (certain breach)',
      required: true,
      validationRules: [
        { rule: 'min', value: 0 },
        { rule: 'max', value: 100 },
      ],
      example: 45,
    },
    {
      name: 'policies_checked',
      type: 'list',
      description: 'Policies the check covered',
      required: true,
      validationRules: [
        { rule: 'min_length', value: 1 },
        { rule: 'items', value: { type: 'str', validationRules: [{ rule: 'not_empty' }] } },
      ],
      example: ['GDPR Art. 6', 'Outbound calling policy'],
    },
    {
      name: 'violations',
      type: 'list',
      description: 'Each violation found; empty when compliant',
      required: true,
      validationRules: [
        {
          rule: 'items',
          value: {
            type: 'dict',
            validationRules: [],
            properties: [
              { name: 'policy', type: 'str', description: 'Policy violated', required: true, validationRules: [{ rule: 'not_empty' }] },
              { name: 'severity', type: 'str', description: 'How serious', required: true, validationRules: [{ rule: 'enum', value: SEVERITIES }] },
              { name: 'description', type: 'str', description: 'What is wrong', required: true, validationRules: [{ rule: 'not_empty' }] },
              { name: 'evidence', type: 'str', description: 'Where it shows', required: false, validationRules: [] },
            ],
          },
        },
      ],
      example: [{ policy: 'Outbound calling policy', severity: 'medium', description: 'Call scheduled outside permitted hours', evidence: 'start_time 21:30 local' }],
    },
    {
      name: 'required_actions',
      type: 'list',
      description: 'What must change to comply',
      required: true,
      validationRules: [{ rule: 'items', value: { type: 'str', validationRules: [{ rule: 'not_empty' }] } }],
      example: ['Move the call to between 9:00 and 20:00 local time'],
    },
    {
      name: 'summary',
      type: 'str',
      description: 'Short verdict for a reviewer',
      required: true,
      validationRules: [{ rule: 'not_empty' }, { rule: 'max_length', value: 2000 }],
      example: 'One medium-severity violation of the outbound calling policy.',
    },
  ],
  constraints: { maxTotalTokens: 6_000, maxToolCalls: 5, timeoutSeconds: 120, warnThreshold: 0.8 },
  // Governance answers are strict: a guessed or partial verdict is worse than none.
  failureStrategy: 'fail',
  maxRetries: 0,
  metadata: { stratum: 'IGE' },
};
