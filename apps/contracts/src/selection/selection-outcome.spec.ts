import { contractToWire, getTemplate, parseContract } from '@sigil/contracts';
import { NO_LEARNING } from '../learning/validation-history';
import type { ContractChoice } from './contract-choice';
import { contractPromptContext } from './prompt-context';
import { selectionOutcome } from './selection-outcome';

const route = { runId: 'run-1', sessionId: 'session-1', complexity: 0.75, strategy: 'react' };
const template = (name: string) => {
  const contract = getTemplate(name);
  if (!contract) throw new Error(`template ${name} missing`);
  return contract;
};

describe('selection outcome', () => {
  it('given a strict, large contract, when selected, then complexity is boosted (capped at 1), the strategy follows and the reason says why', () => {
    const contract = template('compliance_check');
    const choice: ContractChoice = { kind: 'contract', contract, inline: false, failureStrategy: 'fail', maxRetries: 0, tokenBudget: 6_000, reason: 'execute override: contract compliance_check' };
    const learning = { commonMistakes: ['Missing field: violations'], exemplars: [] };
    const { selection, selected } = selectionOutcome(route, choice, learning);
    const requiredFields = contract.deliverables.filter((deliverable) => deliverable.required).map((deliverable) => deliverable.name);
    expect(selected).toEqual({
      runId: 'run-1',
      sessionId: 'session-1',
      contractName: 'compliance_check',
      failureStrategy: 'fail',
      maxRetries: 0,
      requiredFields,
      promptContext: contractPromptContext({ contract, ...learning }),
      boostedComplexity: 1,
      strategy: 'mcts',
      tokenBudget: 6_000n,
      reason:
        'execute override: contract compliance_check; reasoning at 1 (fail strategy: +0.2, 7 deliverables (> 5): +0.1, 14 validation rules (> 10): +0.1): mcts',
    });
    expect(selected.promptContext).toContain('- Missing field: violations');
    expect(selection).toEqual({
      contractName: 'compliance_check',
      contractJson: JSON.stringify(contractToWire(contract)),
      inline: false,
      failureStrategy: 'fail',
      maxRetries: 0,
      tokenBudget: 6_000,
      requiredFields,
      reason: selected.reason,
      complexity: 0.75,
      selectionErrors: [],
    });
  });

  it('given a small lenient contract, when selected, then complexity is unchanged and the strategy comes from its range', () => {
    const parsed = parseContract({ name: 'short_answer', description: 'd', deliverables: [{ name: 'answer', type: 'str', description: 'The answer' }] });
    if (!parsed.ok) throw new Error('fixture contract must parse');
    const choice: ContractChoice = { kind: 'contract', contract: parsed.contract, inline: true, failureStrategy: 'retry', maxRetries: 2, tokenBudget: 8_000, reason: 'r' };
    const { selection, selected } = selectionOutcome({ ...route, complexity: 0.55, strategy: 'direct' }, choice, NO_LEARNING);
    expect([selected.boostedComplexity, selected.strategy, selected.reason, selected.requiredFields, selection.inline]).toEqual([0.55, 'tree_of_thoughts', 'r', ['answer'], true]);
  });

  it('given no contract, when selected, then nothing is held and the route’s strategy stands', () => {
    const { selection, selected } = selectionOutcome(route, { kind: 'none', reason: 'contracts are switched off' }, NO_LEARNING);
    expect(selected).toEqual({ runId: 'run-1', sessionId: 'session-1', contractName: '', failureStrategy: 'fail', maxRetries: 0, boostedComplexity: 0.75, strategy: 'react', reason: 'contracts are switched off' });
    expect(selection).toMatchObject({ contractName: null, contractJson: null, selectionErrors: [] });
  });

  it('given a refused override, when selected, then the name asked for is announced and the errors are kept for validation', () => {
    const errors = [{ field: 'contract_name', rule: 'CV-004', expected: 'e', actual: 'lead_gone', message: 'CV-004 Contract not found' }];
    const { selection, selected } = selectionOutcome(route, { kind: 'refused', contractName: 'lead_gone', errors, reason: 'refused' }, NO_LEARNING);
    expect(selected).toMatchObject({ contractName: 'lead_gone', failureStrategy: 'fail', maxRetries: 0, reason: 'refused' });
    expect(selection).toMatchObject({ contractName: 'lead_gone', contractJson: null, selectionErrors: errors });
  });
});
