/** What the context manager assembles a model call from, and what it reports back. */

/** A recalled memory item: untrusted, dropped lowest score first when the context does not fit. */
export interface MemoryEntry {
  itemId: string;
  content: string;
  score: number;
  category: string;
  looksLikeInstructions: boolean;
}

/** A finished dependency's result, shown in the plan state (`skipped` steps have no output). */
export interface DependencyOutput {
  stepId: string;
  title: string;
  status: 'completed' | 'skipped';
  output: string;
}

/** One earlier exchange of the session, oldest first; older turns are summarised first. */
export interface HistoryTurn {
  input: string;
  response: string;
}

export interface ContextSources {
  /** The agent's system prompt: trusted, never dropped. */
  system: string;
  /** The user's request: untrusted data, never dropped (truncated only as the last resort). */
  task: string;
  /** The contract's part of the prompt (output structure, rules): trusted. */
  contract?: string;
  memory?: MemoryEntry[];
  history?: HistoryTurn[];
  /** The plan's progress as free text (e.g. which steps are done or skipped): untrusted (model-made plan). */
  planState?: string;
  /** The results of the steps this one depends on: untrusted (model output); cut from the front when the context does not fit. */
  dependencyOutputs?: DependencyOutput[];
  /** The step's own instruction (from the plan): trusted. */
  instruction?: string;
}

export interface ContextBudget {
  /** The model's context window for this call, in tokens. */
  maxContextTokens: number;
  /** Kept free for the answer. */
  reserveOutputTokens: number;
}

export type SectionName = 'system' | 'contract' | 'instruction' | 'task' | 'plan_state' | 'memory' | 'history';

/** What had to go so the context fits, and why: recorded on the step. */
export interface DroppedContent {
  section: SectionName;
  /** e.g. `memory item m-12 (score 0.31)`, `history turns 1-4 summarised`, `plan_state truncated to 2,000 tokens`. */
  what: string;
  tokensSaved: number;
  action: 'summarised' | 'dropped' | 'truncated';
}

export interface AssembledContext {
  system: string;
  prompt: string;
  tokens: number;
  sectionTokens: Partial<Record<SectionName, number>>;
  dropped: DroppedContent[];
}
