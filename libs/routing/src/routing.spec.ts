import { assessComplexity } from './complexity';
import { classifyIntent } from './intent';
import { decideRoute } from './route-decision';
import { strategyFor } from './strategy';

const allOn = { useRouting: true, usePlanning: true, useMemory: true, useContracts: true };

describe('routing', () => {
  it('given an input naming a new agent, when classified, then the intent is create_agent for the builder', () => {
    expect(classifyIntent('please create a sales agent')).toMatchObject({ intent: 'create_agent', handler: 'builder' });
  });

  it('given small talk, when classified, then it is general chat at low confidence', () => {
    expect(classifyIntent('hello there')).toEqual({ intent: 'general_chat', handler: 'chat', confidence: 0.5 });
  });

  it('given a short plain input, when assessed, then only the length factor counts and each factor is visible', () => {
    const assessment = assessComplexity('hello world'); // 11 characters of 500
    expect(assessment.factors).toEqual({ length: 0.022, toolKeywords: 0, domainKeywords: 0, decisionKeywords: 0 });
    expect(assessment.score).toBe(0.006);
  });

  it('given tool, domain and decision keywords, when assessed, then each factor saturates at three hits', () => {
    const input = 'search the database and fetch records, compare compliance audit risk and evaluate then recommend';
    const { factors } = assessComplexity(input);
    expect(factors).toMatchObject({ toolKeywords: 1, domainKeywords: 1, decisionKeywords: 1 });
  });

  it.each([
    [0, 'direct'],
    [0.29, 'direct'],
    [0.3, 'chain_of_thought'],
    [0.5, 'tree_of_thoughts'],
    [0.7, 'react'],
    [0.9, 'mcts'],
    [1, 'mcts'],
  ])('given complexity %s, when a strategy is chosen, then it is %s', (score, strategy) => {
    expect(strategyFor(score)).toBe(strategy);
  });

  it('given a simple input, when routed, then planning and contracts stay off and memory follows the intent', () => {
    const decision = decideRoute('hello', 'RTI', allOn);
    expect(decision).toMatchObject({ intent: 'general_chat', strategy: 'direct', stratum: 'RTI', usePlanning: false, useContracts: false, useMemory: true });
  });

  it('given memory switched off, when a memory intent is routed, then memory is not activated', () => {
    expect(decideRoute('recall what we said', 'RAI', { ...allOn, useMemory: false }).useMemory).toBe(false);
  });
});
