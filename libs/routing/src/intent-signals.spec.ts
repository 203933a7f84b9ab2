import { INTENTS } from './intent';
import { INTENT_KEYWORDS, INTENT_PATTERNS } from './intent-signals';

describe('intent signals', () => {
  it('given every intent, when its patterns are read, then it has some and none is global or sticky, so test() keeps no state', () => {
    for (const intent of INTENTS) {
      expect(INTENT_PATTERNS[intent].length).toBeGreaterThanOrEqual(2);
      expect(INTENT_PATTERNS[intent].filter((pattern) => pattern.global || pattern.sticky)).toEqual([]);
    }
  });

  it('given a text with keywords of several intents, when counted, then each intent gets its own', () => {
    expect(INTENT_KEYWORDS.count('hello, do you remember the system prompt? run it from scratch')).toEqual({
      create_agent: 1,
      run_agent: 1,
      query_memory: 1,
      modify_agent: 1,
      system_command: 0,
      general_chat: 1,
    });
  });

  it.each([
    ['create_agent', 'spin up an assistant', true],
    ['create_agent', 'make the agent faster', false],
    ['run_agent', 'use my weekly lead agent', true],
    ['modify_agent', "change the bot's tone", true],
    ['system_command', 'restart the router', true],
    ['system_command', 'stop the music', false],
  ] as const)('given %s and "%s", when its patterns are tried, then one matches: %s', (intent, text, matches) => {
    expect(INTENT_PATTERNS[intent].some((pattern) => pattern.test(text))).toBe(matches);
  });
});
