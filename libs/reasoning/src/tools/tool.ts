import type { ModelToolDefinition } from '../model/model-port';
import { checkToolInput } from './tool-input';

/** Where a tool call happens; `callIndex` numbers the step's tool calls from 0 (stable across a redelivery of the step). */
export interface ToolContext {
  runId: string;
  sessionId: string;
  stepId: string;
  callIndex: number;
  signal: AbortSignal;
}

/**
 * What a tool gives back. `isError`: the tool ran and refused (bad input, nothing to act on), which
 * retrying cannot change. A tool that could not run at all (bus timeout, no responder) throws.
 * The output is untrusted: it goes back into prompts only fenced.
 */
export interface ToolResult {
  output: string;
  isError: boolean;
}

export interface Tool {
  name: string;
  description: string;
  /** JSON Schema of the input (an object schema). */
  inputSchema: Record<string, unknown>;
  run(input: Record<string, unknown>, context: ToolContext): Promise<ToolResult>;
}

/** The tools a step may use, by name; later tools plug in by being registered. */
export class ToolRegistry {
  private readonly tools = new Map<string, Tool>();

  constructor(tools: Tool[] = []) {
    for (const tool of tools) this.register(tool);
  }

  register(tool: Tool): void {
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(tool.name)) throw new Error(`tool name "${tool.name}" must be 1-64 letters, digits, _ or -`);
    if (this.tools.has(tool.name)) throw new Error(`tool ${tool.name} is registered twice`);
    this.tools.set(tool.name, tool);
  }

  get(name: string): Tool | undefined {
    return this.tools.get(name);
  }

  get size(): number {
    return this.tools.size;
  }

  /** What the model is offered. */
  definitions(): ModelToolDefinition[] {
    return [...this.tools.values()].map(({ name, description, inputSchema }) => ({ name, description, inputSchema }));
  }
}

export class UnknownToolError extends Error {
  constructor(readonly toolName: string) {
    super(`no tool named "${toolName}"`);
    this.name = 'UnknownToolError';
  }
}

/** Runs a step's tool calls, numbering them, and refuses input that does not fit the tool's schema before it runs. */
export class ToolRunner {
  private calls = 0;

  constructor(
    readonly registry: ToolRegistry,
    private readonly step: { runId: string; sessionId: string; stepId: string },
    private readonly signal: AbortSignal,
  ) {}

  get callCount(): number {
    return this.calls;
  }

  /** Throws `UnknownToolError` for a name no tool has, and whatever the tool throws when it cannot run. */
  async run(name: string, input: Record<string, unknown>): Promise<ToolResult> {
    const tool = this.registry.get(name);
    if (!tool) throw new UnknownToolError(name);
    const callIndex = this.calls++;
    const problems = checkToolInput(tool.inputSchema, input);
    if (problems.length > 0) return { output: `invalid input for ${name}: ${problems.join('; ')}`, isError: true };
    return tool.run(input, { ...this.step, callIndex, signal: this.signal });
  }
}
