import type { Contract } from '../model/contract';
import { contractToWire } from './contract-wire';
import { parseContract } from './parse-contract';

const contract: Contract = {
  name: 'lead_review',
  description: 'Scores a lead',
  version: '1.0.0',
  deliverables: [
    { name: 'score', type: 'int', description: 'Score', required: true, validationRules: [{ rule: 'min', value: 0 }], example: 75 },
    {
      name: 'findings',
      type: 'list',
      description: 'Findings',
      required: false,
      validationRules: [{ rule: 'not_empty' }, { rule: 'items', value: { type: 'dict', validationRules: [], properties: [{ name: 'claim', type: 'str', description: 'Claim', required: true, validationRules: [] }] } }],
    },
  ],
  constraints: { maxTotalTokens: 4000, maxToolCalls: 5, timeoutSeconds: 60, warnThreshold: 0.8 },
  failureStrategy: 'retry',
  maxRetries: 2,
  metadata: { owner: 'sales' },
};

describe('contract wire form', () => {
  it('given a contract, when written to the wire, then it is the snake_case form of the spec', () => {
    expect(contractToWire(contract)).toEqual({
      name: 'lead_review',
      description: 'Scores a lead',
      version: '1.0.0',
      deliverables: [
        { name: 'score', description: 'Score', required: true, type: 'int', validation_rules: [{ rule: 'min', value: 0 }], example: 75 },
        {
          name: 'findings',
          description: 'Findings',
          required: false,
          type: 'list',
          validation_rules: [
            { rule: 'not_empty' },
            { rule: 'items', value: { type: 'dict', validation_rules: [], properties: [{ name: 'claim', description: 'Claim', required: true, type: 'str', validation_rules: [] }] } },
          ],
        },
      ],
      constraints: { max_total_tokens: 4000, max_tool_calls: 5, timeout_seconds: 60, warn_threshold: 0.8 },
      failure_strategy: 'retry',
      max_retries: 2,
      metadata: { owner: 'sales' },
    });
  });

  it('given a contract, when written and parsed back through JSON, then it is the same contract', () => {
    expect(parseContract(JSON.parse(JSON.stringify(contractToWire(contract))))).toEqual({ ok: true, contract });
  });
});
