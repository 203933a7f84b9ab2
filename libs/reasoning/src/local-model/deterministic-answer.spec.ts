import { fenceUntrusted } from '@sigil/context';
import { deterministicPlan, parsePlan, renderPlanningPrompt } from '@sigil/plans';
import { STRATEGIES, type Strategy } from '@sigil/strategy-ranges';
import { runStep, type StepInput } from '../steps/run-step';
import { scriptedModel } from '../testing/scripted-model';
import { ToolRegistry, type Tool } from '../tools/tool';
import { contractShapedAnswer } from './contract-shaped-answer';
import { deterministicAnswer } from './deterministic-answer';

const localModel = () => scriptedModel((request) => deterministicAnswer(request));

const recordingTool = (name: string, output: string): Tool & { inputs: unknown[] } => {
  const inputs: unknown[] = [];
  return { name, description: name, inputSchema: { type: 'object' }, inputs, run: async (input) => (inputs.push(input), { output, isError: false }) };
};

const step = (strategy: Strategy | '', prompt: string, kind = 'reasoning'): StepInput => ({
  runId: 'run-1',
  sessionId: 'session-1',
  stepId: 'run-1:s1:1',
  kind,
  strategy,
  complexity: 0.5,
  system: 'You are terse.',
  prompt,
  maxOutputTokens: 1024,
  toolName: '',
  toolInputJson: '',
});

const builtins = () => new ToolRegistry([recordingTool('memory_search', 'Acme prefers email (score 0.91)'), recordingTool('memory_store', 'stored as m-1'), recordingTool('plan_inspect', 's1 [done]')]);

const contractPrompt = [
  'TASK: qualify Acme',
  'OUTPUT REQUIREMENTS:\nYour response must be a valid JSON object with the following structure:\n\n  score*: int - Overall score\n\n(* = required field)',
  'EXAMPLE OUTPUT:\n{\n  "score": 75\n}',
  'Return ONLY the JSON object, no explanatory text.',
].join('\n\n');

describe('the deterministic local model', () => {
  it('given a planning prompt, when answered, then the answer is the local plan as JSON that the plan parser accepts', () => {
    const goal = '1. Search memory for Acme\n2. Draft the email (after 1)';
    const prompt = renderPlanningPrompt({ goal, context: '', tools: [{ name: 'memory_search', description: 'search' }] });
    const { text } = deterministicAnswer({ system: '', messages: [{ role: 'user', content: prompt }], maxOutputTokens: 2048 });
    const check = parsePlan(text, goal);
    expect(check.ok && check.plan).toEqual(deterministicPlan(goal));
  });

  it('given a plain request, when answered, then it says back the fenced user request, the same every time', () => {
    const prompt = `Answer the user.\n${fenceUntrusted('user', 'What is a message bus?')}`;
    const request = { system: 'You are terse.', messages: [{ role: 'user' as const, content: prompt }], maxOutputTokens: 256 };
    expect(deterministicAnswer(request)).toEqual({ text: 'Answering as instructed (4 tokens of instructions): What is a message bus?' });
    expect(deterministicAnswer(structuredClone(request))).toEqual(deterministicAnswer(request));
  });

  it.each(STRATEGIES.filter((strategy) => strategy !== 'react'))('given a plain request, when %s runs on it, then its own format parses and it answers without falling back', async (strategy) => {
    const outcome = await runStep(step(strategy, 'What is a message bus?'), { model: localModel(), tools: new ToolRegistry(), signal: new AbortController().signal });
    expect(outcome).toMatchObject({ status: 'completed', output: 'Answering as instructed (4 tokens of instructions): What is a message bus?', strategy, strategiesTried: [strategy] });
  });

  it.each(STRATEGIES)('given a contract prompt, when %s runs on it, then the output is exactly the contract-shaped JSON', async (strategy) => {
    const outcome = await runStep(step(strategy, contractPrompt), { model: localModel(), tools: builtins(), signal: new AbortController().signal });
    expect(outcome).toMatchObject({ status: 'completed', output: contractShapedAnswer(contractPrompt), strategiesTried: [strategy] });
  });

  it('given a task that asks to search memory and the tool is offered, when react runs, then the local model calls it once and answers with the observation', async () => {
    const tools = builtins();
    const model = localModel();
    const outcome = await runStep(step('react', 'Search memory for Acme preferences. Then answer.'), { model, tools, signal: new AbortController().signal });
    expect(outcome).toMatchObject({ status: 'completed', strategy: 'react', toolCalls: 1 });
    expect(outcome.status === 'completed' && outcome.output).toBe(
      'Answering as instructed (4 tokens of instructions): Search memory for Acme preferences. Then answer.\nObserved:\nAcme prefers email (score 0.91)',
    );
    expect((tools.get('memory_search') as Tool & { inputs: unknown[] }).inputs).toEqual([{ query: 'Acme preferences' }]);
    expect(model.requests).toHaveLength(2);
  });

  it.each([
    ['Remember that Acme prefers email.', 'memory_store', { content: 'Acme prefers email' }],
    ['Inspect the plan and report progress.', 'plan_inspect', {}],
  ])('given "%s", when react runs, then the local model calls %s', async (prompt, name, input) => {
    const tools = builtins();
    await runStep(step('react', prompt), { model: localModel(), tools, signal: new AbortController().signal });
    expect((tools.get(name) as Tool & { inputs: unknown[] }).inputs).toEqual([input]);
  });

  it('given a task that asks for a tool that is not offered, when react runs, then the local model answers without a tool call', async () => {
    const tools = new ToolRegistry([recordingTool('plan_inspect', 'x')]);
    const outcome = await runStep(step('react', 'Search memory for Acme.'), { model: localModel(), tools, signal: new AbortController().signal });
    expect(outcome).toMatchObject({ status: 'completed', toolCalls: 0, strategiesTried: ['react'] });
  });
});
