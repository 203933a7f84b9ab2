import { deterministicPlanFor, isPlanningPrompt, planToJson } from '@sigil/plans';
import type { ModelContentBlock, ModelMessage, ModelRequest, ModelToolUse } from '../model/model-port';
import { readProtocol } from '../strategies/protocol';
import { contractShapedAnswer } from './contract-shaped-answer';

/** What the local model says: text, and the tools it calls (react only). */
export interface LocalAnswer {
  text: string;
  toolUses?: ModelToolUse[];
}

const UNTRUSTED_BLOCK = /<untrusted_data source="([^"]*)">\n([\s\S]*?)\n<\/untrusted_data>/g;

/** The contents of the fenced blocks of a text, by source, in order. */
function fenced(text: string, source: string): string[] {
  return [...text.matchAll(UNTRUSTED_BLOCK)].filter((match) => match[1] === source).map((match) => match[2]);
}

/** The task: the first text of the first user message (strategies put the step's prompt there, their additions after it). */
function taskOf(messages: ModelMessage[]): string {
  const content = messages.find((message) => message.role === 'user')?.content ?? '';
  if (typeof content === 'string') return content;
  return content.find((block): block is Extract<ModelContentBlock, { type: 'text' }> => block.type === 'text')?.text ?? '';
}

/** Everything the last user message adds after the task: candidates, partial solutions. */
function additionsOf(messages: ModelMessage[]): string {
  const content = messages.at(-1)?.content ?? '';
  if (typeof content === 'string') return content;
  return content
    .slice(1)
    .map((block) => (block.type === 'text' ? block.text : ''))
    .join('\n');
}

function toolResultsOf(messages: ModelMessage[]): Extract<ModelContentBlock, { type: 'tool_result' }>[] {
  return messages.flatMap((message) =>
    typeof message.content === 'string' ? [] : message.content.filter((block): block is Extract<ModelContentBlock, { type: 'tool_result' }> => block.type === 'tool_result'),
  );
}

/** FNV-1a: a stable spread of scores over texts, the same on every machine. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

const oneLine = (text: string, max: number) => text.trim().replace(/\s+/g, ' ').slice(0, max);

/** Says back what was asked: the user's fenced request when the prompt has one, else the prompt. */
function echo(stepSystem: string, task: string): string {
  const request = fenced(task, 'user')[0] ?? fenced(task, 'task')[0] ?? task;
  const persona = stepSystem.trim() ? ` as instructed (${Math.ceil(stepSystem.length / 4)} tokens of instructions)` : '';
  return `Answering${persona}: ${oneLine(request, 200)}`;
}

const requested = (system: string, noun: string, fallback: number) => Number(new RegExp(`exactly (\\d+) (?:different )?${noun}`).exec(system)?.[1] ?? fallback);

const reasoned = (steps: string[], answer: string) => `${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}\nFINAL ANSWER: ${answer}`;

const APPROACHES = [
  'Answer directly from what the task states.',
  'Break the task into its parts and answer each in turn.',
  'Start from the constraints and requirements, then compose the answer.',
  'Compare the alternatives the task allows and pick the strongest.',
];

const NEXT_STEPS = [
  'Restate precisely what the task asks for.',
  'Collect the facts and constraints the context gives.',
  'Work out the answer from those facts.',
  'Check the answer against every requirement of the task.',
];

function candidates(count: number, approach: (i: number) => string, answer: string): string {
  return Array.from({ length: count }, (_, i) => `CANDIDATE ${i + 1}:\nAPPROACH: ${approach(i)}\nANSWER: ${answer}`).join('\n\n');
}

/** The tool the task asks for, when it is offered: "search memory for …", "remember …", "inspect the plan". */
function requestedTool(task: string, offered: Set<string>): { name: string; input: Record<string, unknown> } | undefined {
  const search = /\bsearch(?:\s+(?:the\s+)?memory)?\s+for\s+([^\n.?!]+)/i.exec(task);
  if (search && offered.has('memory_search')) return { name: 'memory_search', input: { query: search[1].trim() } };
  const remember = /\b(?:remember|store)\s+(?:that\s+)?([^\n]+?)[.!]?\s*$/im.exec(task);
  if (remember && offered.has('memory_store')) return { name: 'memory_store', input: { content: remember[1].trim() } };
  if (/\b(?:inspect|check|review|look at|show)\s+(?:the\s+)?(?:run'?s?\s+)?plan\b/i.test(task) && offered.has('plan_inspect')) return { name: 'plan_inspect', input: {} };
  return undefined;
}

function reactTurn(request: ModelRequest, task: string, answer: string, isContract: boolean): LocalAnswer {
  const results = toolResultsOf(request.messages);
  if (results.length === 0) {
    const call = requestedTool(task, new Set((request.tools ?? []).map((tool) => tool.name)));
    if (call) {
      return {
        text: `Thought: the task asks for ${call.name}; I will call it.`,
        toolUses: [{ id: `toolu_local_${request.messages.length}`, name: call.name, input: call.input }],
      };
    }
  }
  if (isContract || results.length === 0) return { text: answer };
  const observations = results.map((result) => `${result.isError ? 'error: ' : ''}${result.content.replace(UNTRUSTED_BLOCK, '$2').trim().slice(0, 500)}`);
  return { text: `${answer}\nObserved:\n${observations.join('\n')}` };
}

/**
 * The local model: the same request always gets the same answer, well formed for whatever the
 * platform asks — a plan for a planning prompt, the contract's example JSON for a contract prompt,
 * each strategy's format for its calls (recognised by the protocol header in the system prompt),
 * a tool call in react when the task asks for one of the offered tools, and otherwise an echo.
 */
export function deterministicAnswer(request: ModelRequest): LocalAnswer {
  const task = taskOf(request.messages);
  if (isPlanningPrompt(task)) return { text: planToJson(deterministicPlanFor(task)) };
  const { protocol, stepSystem } = readProtocol(request.system);
  // The contract's requirements reach the model in the system text (context manager), a retry's rejection in the prompt.
  const contract = contractShapedAnswer(`${request.system}\n\n${task}`);
  const answer = contract ?? echo(stepSystem, task);
  const additions = additionsOf(request.messages);
  switch (protocol) {
    case 'chain_of_thought':
      return { text: reasoned(['Read what the task asks.', 'Gather what the context says about it.', 'Compose the answer in the required form.'], answer) };
    case 'tree_of_thoughts.propose':
      return { text: candidates(requested(request.system, 'candidates', 3), (i) => APPROACHES[i % APPROACHES.length], answer) };
    case 'tree_of_thoughts.expand':
      return { text: candidates(requested(request.system, 'candidates', 2), (i) => `Go one level deeper on the best candidate (refinement ${i + 1}).`, answer) };
    case 'tree_of_thoughts.evaluate':
      return { text: `SCORE: ${4 + (fnv1a(fenced(additions, 'candidate')[0] ?? additions) % 6)}\nThe candidate answers what the task asks.` };
    case 'mcts.expand': {
      const depth = (fenced(additions, 'partial_solution')[0] ?? '').split('\n').filter((line) => /^\d+\./.test(line)).length;
      const count = requested(request.system, 'next steps', 3);
      return { text: Array.from({ length: count }, (_, i) => `OPTION ${i + 1}: ${NEXT_STEPS[(depth + i) % NEXT_STEPS.length]}`).join('\n') };
    }
    case 'mcts.rollout': {
      const taken = (fenced(additions, 'partial_solution')[0] ?? '').split('\n').flatMap((line) => /^\d+\.\s*(.+)$/.exec(line)?.[1] ?? []);
      return { text: reasoned([...taken, 'Conclude from the steps above.'], answer) };
    }
    case 'mcts.evaluate':
      return { text: `SCORE: ${((5 + (fnv1a(fenced(additions, 'solution')[0] ?? additions) % 5)) / 10).toFixed(1)}\nThe solution follows from its steps.` };
    case 'react':
      return reactTurn(request, task, answer, contract !== undefined);
    default:
      return { text: answer };
  }
}
