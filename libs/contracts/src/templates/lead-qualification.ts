import type { Contract, Deliverable } from '../model/contract';

const bantScore = (name: string, letter: string, example: number): Deliverable => ({
  name,
  type: 'int',
  description: `BANT ${letter}: ${letter.toLowerCase()} fit from 0 (none) to 25 (fully qualified)`,
  required: true,
  validationRules: [
    { rule: 'min', value: 0 },
    { rule: 'max', value: 25 },
  ],
  example,
});

/** RAI stratum: scores a sales lead with the BANT method (Budget, Authority, Need, Timeline). */
export const LEAD_QUALIFICATION: Contract = {
  name: 'lead_qualification',
  description: 'Qualify a sales lead with BANT scoring and recommend the next action',
  version: '1.0.0',
  deliverables: [
    bantScore('budget_score', 'Budget', 20),
    bantScore('authority_score', 'Authority', 15),
    bantScore('need_score', 'Need', 25),
    bantScore('timeline_score', 'Timeline', 15),
    {
      name: 'score',
      type: 'int',
      description: 'Overall score from 0-100, the sum of the four BANT scores',
      required: true,
      validationRules: [
        { rule: 'min', value: 0 },
        { rule: 'max', value: 100 },
      ],
      example: 75,
    },
    {
      name: 'qualification',
      type: 'str',
      description: 'Lead temperature derived from the score',
      required: true,
      validationRules: [{ rule: 'enum', value: ['hot', 'warm', 'cold', 'disqualified'] }],
      example: 'warm',
    },
    {
      name: 'recommendation',
      type: 'str',
      description: 'Recommended action',
      required: true,
      validationRules: [{ rule: 'not_empty' }, { rule: 'max_length', value: 500 }],
      example: 'Schedule demo',
    },
    {
      name: 'next_steps',
      type: 'list',
      description: 'Concrete follow-up actions, most important first',
      required: true,
      validationRules: [
        { rule: 'min_length', value: 1 },
        { rule: 'max_length', value: 5 },
        { rule: 'items', value: { type: 'str', validationRules: [{ rule: 'not_empty' }] } },
      ],
      example: ['Send pricing sheet', 'Book a 30-minute demo with the VP of Sales'],
    },
    {
      name: 'analysis',
      type: 'str',
      description: 'Detailed analysis',
      required: false,
      validationRules: [{ rule: 'max_length', value: 2000 }],
      example: 'Strong budget, needs timeline clarity',
    },
  ],
  constraints: { maxTotalTokens: 4_000, maxToolCalls: 5, timeoutSeconds: 60, warnThreshold: 0.8 },
  failureStrategy: 'retry',
  maxRetries: 2,
  metadata: { stratum: 'RAI', methodology: 'BANT' },
};
