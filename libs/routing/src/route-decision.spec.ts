import { decideRoute } from './route-decision';

const allOn = { useRouting: true, usePlanning: true, useMemory: true, useContracts: true, useEvolution: true };
const vendorComparison = 'Compare the financial risk and compliance cost of three CRM vendors, search their pricing APIs, and recommend which we should choose';

describe('decideRoute', () => {
  it('given a greeting, when routed, then it is direct chat with planning and contracts off and memory on', () => {
    expect(decideRoute('hello', 'RTI', allOn)).toEqual({
      intent: 'general_chat',
      handler: 'chat',
      intentConfidence: 0.8,
      complexity: { score: 0.003, factors: { length: 0.01, toolKeywords: 0, domainKeywords: 0, decisionKeywords: 0 } },
      strategy: 'direct',
      strategyRange: { low: 0, high: 0.3 },
      stratum: 'RTI',
      usePlanning: false,
      useMemory: true,
      useContracts: false,
      useEvolution: true,
      reasons: [
        'intent: general_chat -> chat, confidence 0.8',
        'strategy: direct, complexity 0.003 in [0, 0.3)',
        'planning off: complexity 0.003 <= 0.5',
        'memory: intent general_chat is memory-relevant',
        'contracts off: complexity 0.003 <= 0.7',
        'evolution: SIGIL_USE_EVOLUTION is on',
      ],
    });
  });

  it('given a keyword-heavy request, when routed, then planning and contracts take part and the strategy is react', () => {
    // 0.25 * (132/500 + 1 + 1 + 1) = 0.816
    expect(decideRoute(vendorComparison, 'EEI', allOn)).toEqual({
      intent: 'general_chat',
      handler: 'chat',
      intentConfidence: 0.5,
      complexity: { score: 0.816, factors: { length: 0.264, toolKeywords: 1, domainKeywords: 1, decisionKeywords: 1 } },
      strategy: 'react',
      strategyRange: { low: 0.7, high: 0.9 },
      stratum: 'EEI',
      usePlanning: true,
      useMemory: true,
      useContracts: true,
      useEvolution: true,
      reasons: [
        'intent: general_chat -> chat, confidence 0.5',
        'strategy: react, complexity 0.816 in [0.7, 0.9)',
        'planning: complexity 0.816 > 0.5',
        'memory: intent general_chat is memory-relevant',
        'contracts: complexity 0.816 > 0.7',
        'evolution: SIGIL_USE_EVOLUTION is on',
      ],
    });
  });

  it('given a request to build an agent, when routed, then it goes to the builder and memory stays out', () => {
    expect(decideRoute('please create a sales agent', 'RAI', allOn)).toMatchObject({
      intent: 'create_agent',
      handler: 'builder',
      intentConfidence: 0.75,
      stratum: 'RAI',
      useMemory: false,
    });
  });

  it('given routing switched off, when a request to build an agent is routed, then it is general chat at confidence 1 and the rest is decided as usual', () => {
    const decision = decideRoute('please create a sales agent', 'RAI', { ...allOn, useRouting: false });
    expect(decision).toMatchObject({ intent: 'general_chat', handler: 'chat', intentConfidence: 1, strategy: 'direct', useMemory: true });
    expect(decision.reasons[0]).toBe('intent: general_chat -> chat, SIGIL_USE_ROUTING is off');
  });

  it('given a complexity of 1, when routed, then the strategy is mcts and its range is closed at 1', () => {
    const input = `${'x'.repeat(500)} search fetch download compliance audit risk compare evaluate decide`;
    expect(decideRoute(input, 'IGE', allOn)).toMatchObject({ strategy: 'mcts', strategyRange: { low: 0.9, high: 1 } });
    expect(decideRoute(input, 'IGE', allOn).reasons[1]).toBe('strategy: mcts, complexity 1 in [0.9, 1]');
  });

  it.each([
    ['XYZ', 'stratum: unknown "XYZ", using RTI'],
    ['', 'stratum: none given, using RTI'],
    [undefined, 'stratum: none given, using RTI'],
  ])('given the stratum %j, when routed, then it falls back to RTI and the reasons say so', (stratum, reason) => {
    const decision = decideRoute('hello', stratum, allOn);
    expect(decision.stratum).toBe('RTI');
    expect(decision.reasons[1]).toBe(reason);
  });

  it('given memory switched off, when a memory intent is routed, then memory is not activated', () => {
    expect(decideRoute('recall what we said', 'RAI', { ...allOn, useMemory: false })).toMatchObject({ intent: 'query_memory', useMemory: false });
  });

  it('given evolution switched off, when routed, then the decision carries it so evolution does not learn from the run', () => {
    expect(decideRoute('hello', 'RTI', { ...allOn, useEvolution: false }).useEvolution).toBe(false);
  });

  it('given empty input, when routed, then it is direct general chat with no evidence', () => {
    expect(decideRoute('', 'RTI', allOn)).toMatchObject({ intent: 'general_chat', intentConfidence: 0.5, complexity: { score: 0 }, strategy: 'direct' });
  });
});
