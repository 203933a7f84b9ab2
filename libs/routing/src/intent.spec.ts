import { classifyIntent, INTENT_HANDLERS, INTENTS } from './intent';
import { MAX_SCANNED_CHARS } from './text';

const noSignals = { general_chat: 0, query_memory: 0, create_agent: 0, modify_agent: 0, run_agent: 0, system_command: 0 };

describe('classifyIntent', () => {
  it.each([
    ['please create a sales agent', 'create_agent', 'builder'],
    ['run the research agent on these companies', 'run_agent', 'executor'],
    ['what did we discuss last time?', 'query_memory', 'memory_query'],
    ["update the agent's system prompt", 'modify_agent', 'agent_modifier'],
    ['/status', 'system_command', 'system_command'],
    ['Hello! How are you?', 'general_chat', 'chat'],
  ])('given "%s", when classified, then the intent is %s for the %s handler', (input, intent, handler) => {
    expect(classifyIntent(input)).toMatchObject({ intent, handler });
  });

  it('given every intent, when its handler is looked up, then it is the one the spec names', () => {
    expect(INTENTS.map((intent) => INTENT_HANDLERS[intent])).toEqual(['builder', 'executor', 'memory_query', 'agent_modifier', 'system_command', 'chat']);
  });

  it('given a verb aimed at a new agent and a keyword, when classified, then every intent is scored and only create_agent has signals', () => {
    expect(classifyIntent('I need a new agent that books meetings')).toEqual({
      intent: 'create_agent',
      handler: 'builder',
      confidence: 0.8,
      scores: { ...noSignals, create_agent: 3 },
    });
  });

  describe('confidence = 0.5 + 0.5 * (best - runnerUp) / (best + 2)', () => {
    it.each([
      ['one keyword', 'What is a message bus?', 'general_chat', 1, 0.667],
      ['one pattern', 'clear the cache', 'system_command', 2, 0.75],
      ['a pattern and a keyword', 'do you remember my budget?', 'query_memory', 3, 0.8],
      ['two patterns and two keywords', 'what did we discuss last time?', 'query_memory', 4, 0.833],
    ])('given %s unopposed, when classified, then confidence rises with the evidence', (_, input, intent, score, confidence) => {
      const result = classifyIntent(input);
      expect(result).toMatchObject({ intent, confidence });
      expect(result.scores[intent as keyof typeof noSignals]).toBe(score);
    });

    it('given a runner-up, when classified, then the margin over it is what counts', () => {
      const result = classifyIntent('update the agent to run daily');
      expect(result).toMatchObject({ intent: 'modify_agent', confidence: 0.625 });
      expect(result.scores).toEqual({ ...noSignals, modify_agent: 2, run_agent: 1 });
    });
  });

  describe('ties are broken by the least consequential handler', () => {
    it('given chat and a system keyword tied, when classified, then general chat wins at confidence 0.5', () => {
      expect(classifyIntent('what is the status of my order?')).toEqual({
        intent: 'general_chat',
        handler: 'chat',
        confidence: 0.5,
        scores: { ...noSignals, general_chat: 1, system_command: 1 },
      });
    });

    it('given create and run tied, when classified, then creating wins over running', () => {
      expect(classifyIntent('scaffold and run')).toMatchObject({ intent: 'create_agent', confidence: 0.5 });
    });
  });

  describe('creating is about a new agent, modifying about an existing one', () => {
    it('given "make the agent more polite", when classified, then it modifies the agent', () => {
      expect(classifyIntent('make the agent more polite')).toEqual({ intent: 'modify_agent', handler: 'agent_modifier', confidence: 0.75, scores: { ...noSignals, modify_agent: 2 } });
    });

    it('given "build me a lead qualification agent", when classified, then it creates one', () => {
      expect(classifyIntent('Build me a lead qualification agent for our SaaS pipeline')).toEqual({ intent: 'create_agent', handler: 'builder', confidence: 0.75, scores: { ...noSignals, create_agent: 2 } });
    });

    it('given creating something that is not an agent, when classified, then it is not create_agent', () => {
      expect(classifyIntent('create a report on Q3 revenue')).toEqual({ intent: 'general_chat', handler: 'chat', confidence: 0.5, scores: noSignals });
    });
  });

  describe('edge cases', () => {
    it.each([[''], ['   \n\t ']])('given empty input %j, when classified, then it is general chat with no evidence', (input) => {
      expect(classifyIntent(input)).toEqual({ intent: 'general_chat', handler: 'chat', confidence: 0.5, scores: noSignals });
    });

    it('given upper case, when classified, then it is read as lower case', () => {
      expect(classifyIntent('CREATE A NEW AGENT')).toEqual(classifyIntent('create a new agent'));
      expect(classifyIntent('CREATE A NEW AGENT')).toMatchObject({ intent: 'create_agent', confidence: 0.8 });
    });

    it('given full-width letters, when classified, then they read as the plain letters', () => {
      expect(classifyIntent('ＣＲＥＡＴＥ an ａｇｅｎｔ')).toEqual({ intent: 'create_agent', handler: 'builder', confidence: 0.75, scores: { ...noSignals, create_agent: 2 } });
    });

    it('given accents and emoji around the request, when classified, then the request is still found', () => {
      expect(classifyIntent('¿Podrías? 🤖 please create an agent for café orders')).toMatchObject({ intent: 'create_agent', confidence: 0.75 });
    });

    it('given a very long input, when classified, then the start decides and signals beyond the cap are not read', () => {
      expect(classifyIntent(`create a new agent ${'lorem ipsum '.repeat(50_000)}`)).toMatchObject({ intent: 'create_agent', confidence: 0.8 });
      expect(classifyIntent(`${'x'.repeat(MAX_SCANNED_CHARS)} hello`)).toEqual({ intent: 'general_chat', handler: 'chat', confidence: 0.5, scores: noSignals });
    });

    it('given the same input twice, when classified, then the results are equal (no state between calls)', () => {
      const input = 'recall what we said about pricing';
      expect(classifyIntent(input)).toEqual(classifyIntent(input));
      expect(classifyIntent(input)).toMatchObject({ intent: 'query_memory', confidence: 0.75 });
    });
  });
});
