import { activateSubsystems, MEMORY_RELEVANT_INTENTS } from './subsystems';

const allOn = { useRouting: true, usePlanning: true, useMemory: true, useContracts: true, useEvolution: true };
const allOff = { useRouting: false, usePlanning: false, useMemory: false, useContracts: false, useEvolution: false };

describe('activateSubsystems', () => {
  it('given everything switched on and a complexity above both thresholds, when activated, then all take part and each says why', () => {
    expect(activateSubsystems('query_memory', 0.75, allOn)).toEqual({
      usePlanning: true,
      useMemory: true,
      useContracts: true,
      useEvolution: true,
      reasons: [
        'planning: complexity 0.75 > 0.5',
        'memory: intent query_memory is memory-relevant',
        'contracts: complexity 0.75 > 0.7',
        'evolution: SIGIL_USE_EVOLUTION is on',
      ],
    });
  });

  it('given complexities exactly at the thresholds, when activated, then planning and contracts stay off (the rule is strictly greater)', () => {
    expect(activateSubsystems('general_chat', 0.5, allOn)).toMatchObject({ usePlanning: false, useContracts: false });
    expect(activateSubsystems('general_chat', 0.7, allOn)).toMatchObject({
      usePlanning: true,
      useContracts: false,
      reasons: ['planning: complexity 0.7 > 0.5', 'memory: intent general_chat is memory-relevant', 'contracts off: complexity 0.7 <= 0.7', 'evolution: SIGIL_USE_EVOLUTION is on'],
    });
  });

  it('given complexities just above the thresholds, when activated, then planning and contracts take part', () => {
    expect(activateSubsystems('general_chat', 0.501, allOn).usePlanning).toBe(true);
    expect(activateSubsystems('general_chat', 0.701, allOn).useContracts).toBe(true);
  });

  it('given every switch off, when activated, then nothing takes part and the reasons name the switches', () => {
    expect(activateSubsystems('query_memory', 0.95, allOff)).toEqual({
      usePlanning: false,
      useMemory: false,
      useContracts: false,
      useEvolution: false,
      reasons: ['planning off: SIGIL_USE_PLANNING is off', 'memory off: SIGIL_USE_MEMORY is off', 'contracts off: SIGIL_USE_CONTRACTS is off', 'evolution off: SIGIL_USE_EVOLUTION is off'],
    });
  });

  it.each([
    ['query_memory', true],
    ['run_agent', true],
    ['general_chat', true],
    ['create_agent', false],
    ['modify_agent', false],
    ['system_command', false],
  ] as const)('given the intent %s, when activated, then memory takes part: %s', (intent, useMemory) => {
    expect(activateSubsystems(intent, 0, allOn).useMemory).toBe(useMemory);
    expect(MEMORY_RELEVANT_INTENTS.includes(intent)).toBe(useMemory);
  });

  it('given an intent that is not memory-relevant, when activated, then the reason says so', () => {
    expect(activateSubsystems('create_agent', 0.2, allOn).reasons[1]).toBe('memory off: intent create_agent is not memory-relevant');
  });
});
