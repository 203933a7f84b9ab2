import { BudgetExceededError } from '../model/reasoning-errors';
import { protocolOf, scriptedModel } from '../testing/scripted-model';
import { ToolRegistry, type Tool } from '../tools/tool';
import { runStep, type StepInput } from './run-step';

const step = (overrides: Partial<StepInput> = {}): StepInput => ({
  runId: 'run-1',
  sessionId: 'session-1',
  stepId: 'run-1:s1:1',
  kind: 'reasoning',
  strategy: '',
  complexity: 0.4,
  system: 'Be brief.',
  prompt: 'How many legs do three spiders have?',
  maxOutputTokens: 256,
  toolName: '',
  toolInputJson: '',
  ...overrides,
});

const noTools = new ToolRegistry();
const live = () => new AbortController().signal;

function memoryStore(behaviour: () => Promise<{ output: string; isError: boolean }>): Tool & { seen: unknown[] } {
  const seen: unknown[] = [];
  return {
    name: 'memory_store',
    description: 'stores a fact',
    inputSchema: { type: 'object', properties: { content: { type: 'string', minLength: 1 } }, required: ['content'] },
    seen,
    run: (input, context) => {
      seen.push({ input, stepId: context.stepId, callIndex: context.callIndex });
      return behaviour();
    },
  };
}

describe('running a step', () => {
  it('given a reasoning step without a strategy, when run, then the strategy for its complexity answers and every call is counted', async () => {
    const model = scriptedModel(() => '1. 3 x 8\nFINAL ANSWER: 24');
    const outcome = await runStep(step({ complexity: 0.4 }), { model, tools: noTools, signal: live() });
    expect(outcome).toMatchObject({ status: 'completed', output: '24', strategy: 'chain_of_thought', strategiesTried: ['chain_of_thought'], toolCalls: 0 });
    expect(outcome.usage).toMatchObject({ calls: 1, models: ['scripted-model'], costUsd: 0.001 });
    expect(outcome.usage.inputTokens).toBeGreaterThan(0);
    expect(outcome.trace).toEqual(['chain_of_thought reasoning:\n1. 3 x 8']);
  });

  it('given a decision step that names its strategy and a strategy that fails, when run, then it falls back and reports what was tried, with the tokens of all calls', async () => {
    const model = scriptedModel((request) => (protocolOf(request) === 'chain_of_thought' ? 'no format' : 'Yes.'));
    const outcome = await runStep(step({ kind: 'decision', strategy: 'chain_of_thought', complexity: 0.99 }), { model, tools: noTools, signal: live() });
    expect(outcome).toMatchObject({ status: 'completed', output: 'Yes.', strategy: 'direct', strategiesTried: ['chain_of_thought', 'direct'] });
    expect(outcome.usage.calls).toBe(3);
  });

  it('given a plan step, when run, then its prompt goes out as is in one call and the raw text is the output', async () => {
    const plan = '{"steps": [{"id": "s1"}]}';
    const model = scriptedModel(() => plan);
    const outcome = await runStep(step({ kind: 'plan', strategy: 'mcts', complexity: 0.99, prompt: '## PLAN REQUEST\n…' }), { model, tools: noTools, signal: live() });
    expect(outcome).toMatchObject({ status: 'completed', output: plan, strategy: 'direct', strategiesTried: ['direct'] });
    expect(model.requests).toEqual([{ system: 'Be brief.', messages: [{ role: 'user', content: '## PLAN REQUEST\n…' }], maxOutputTokens: 256 }]);
  });

  it('given the budget refuses the first call, when run, then the step fails CTX_003, not retryable, with nothing spent', async () => {
    const model = scriptedModel(() => new BudgetExceededError('the run budget cannot cover this call'));
    const outcome = await runStep(step({ complexity: 0.95 }), { model, tools: noTools, signal: live() });
    expect(outcome).toMatchObject({ status: 'failed', errorCode: 'CTX_003', retryable: false, strategy: 'mcts', strategiesTried: ['mcts'] });
    expect(outcome.usage).toMatchObject({ calls: 0, inputTokens: 0, outputTokens: 0 });
  });

  it('given a step cancelled before it starts, when run, then it fails RSN_003 without a call', async () => {
    const controller = new AbortController();
    controller.abort('deadline passed');
    const model = scriptedModel(() => 'unused');
    expect(await runStep(step(), { model, tools: noTools, signal: controller.signal })).toMatchObject({ status: 'failed', errorCode: 'RSN_003', message: 'deadline passed', retryable: false });
    expect(model.requests).toHaveLength(0);
  });

  it('given an unknown step type, when run, then it fails without a call', async () => {
    const model = scriptedModel(() => 'unused');
    expect(await runStep(step({ kind: 'dance' }), { model, tools: noTools, signal: live() })).toMatchObject({ status: 'failed', errorCode: 'RSN_001', retryable: false });
    expect(model.requests).toHaveLength(0);
  });

  describe('tool steps', () => {
    const model = scriptedModel(() => {
      throw new Error('a tool step calls no model');
    });

    it('given a memory_op step, when run, then the named tool runs with the given input as the step’s first call, and its output is the step’s', async () => {
      const tool = memoryStore(async () => ({ output: 'stored as m-1', isError: false }));
      const outcome = await runStep(step({ kind: 'memory_op', toolName: 'memory_store', toolInputJson: '{"content":"Acme prefers email"}' }), {
        model,
        tools: new ToolRegistry([tool]),
        signal: live(),
      });
      expect(outcome).toMatchObject({ status: 'completed', output: 'stored as m-1', strategy: '', strategiesTried: [], toolCalls: 1 });
      expect(tool.seen).toEqual([{ input: { content: 'Acme prefers email' }, stepId: 'run-1:s1:1', callIndex: 0 }]);
    });

    it.each([
      ['an unknown tool', 'browse', '{}', 'no tool named "browse"'],
      ['input that is not a JSON object', 'memory_store', '["x"]', 'tool_input_json of memory_store is not a JSON object'],
      ['input the schema refuses', 'memory_store', '{"content":""}', 'memory_store: invalid input for memory_store: input.content must have at least 1 characters'],
    ])('given %s, when run, then it fails RSN_002 for good', async (_, toolName, toolInputJson, message) => {
      const outcome = await runStep(step({ kind: 'tool_call', toolName, toolInputJson }), { model, tools: new ToolRegistry([memoryStore(async () => ({ output: 'x', isError: false }))]), signal: live() });
      expect(outcome).toMatchObject({ status: 'failed', errorCode: 'RSN_002', message, retryable: false });
    });

    it('given a tool that answers with an error, when run, then it fails RSN_002 for good', async () => {
      const tool = memoryStore(async () => ({ output: 'MEM_003 content flagged', isError: true }));
      const outcome = await runStep(step({ kind: 'memory_op', toolName: 'memory_store', toolInputJson: '{"content":"x"}' }), { model, tools: new ToolRegistry([tool]), signal: live() });
      expect(outcome).toMatchObject({ status: 'failed', errorCode: 'RSN_002', message: 'memory_store: MEM_003 content flagged', retryable: false });
    });

    it('given a tool that cannot run, when run, then it fails RSN_002 and a retry may help', async () => {
      const tool = memoryStore(async () => {
        throw new Error('TIMEOUT');
      });
      const outcome = await runStep(step({ kind: 'memory_op', toolName: 'memory_store', toolInputJson: '{"content":"x"}' }), { model, tools: new ToolRegistry([tool]), signal: live() });
      expect(outcome).toMatchObject({ status: 'failed', errorCode: 'RSN_002', message: 'memory_store could not run: TIMEOUT', retryable: true });
    });
  });
});
