import { ContextOverflowError } from './context-overflow-error';
import { type ContextDraft, renderContext, type RenderedContext } from './context-render';
import type { AssembledContext, ContextBudget, ContextSources, DroppedContent, MemoryEntry } from './context-types';
import { CHARS_PER_TOKEN, countTokens } from './token-count';
import { largestFitting } from './truncation';
import { looksLikeInstructions } from './untrusted-content';

/** Summarising history keeps this many newest turns whole. */
export const HISTORY_TURNS_KEPT_WHOLE = 2;
/** The task is never cut below this many characters (64 tokens): shorter, it would no longer say what was asked. */
export const TASK_MINIMUM_CHARS = 256;

/**
 * Builds a model call's system text and prompt from its sources so that the estimate of the whole
 * (`tokens`) fits `maxContextTokens - reserveOutputTokens`. The system prompt, contract, instruction
 * and task are kept; plan state, memory (best score first) and history (newest first) fill the rest.
 * When it does not fit, the compression steps run in order, each only as far as needed, and every
 * action is recorded in `dropped`. The same input always gives the same output.
 * @throws ContextOverflowError (CTX_004) when even the parts that are never dropped do not fit.
 */
export function assembleContext(sources: ContextSources, budget: ContextBudget): AssembledContext {
  const available = availableTokens(budget);
  const history = sources.history ?? [];
  const minimal = renderContext(sources, {
    memory: [],
    summarisedTurns: 0,
    summaryDropped: true,
    firstWholeTurn: history.length,
    planStateDropped: true,
    taskKeep: TASK_MINIMUM_CHARS,
  });
  if (minimal.tokens > available) throw overflow(minimal, available, budget);

  const fitting = new Fitting(sources, available, {
    memory: flaggedBestFirst(sources.memory ?? []),
    summarisedTurns: 0,
    summaryDropped: false,
    firstWholeTurn: 0,
    planStateDropped: false,
  });
  for (const compress of COMPRESSION_STEPS) {
    if (fitting.fits()) break;
    compress(fitting);
  }
  return fitting.result();
}

/** The current draft, its rendering, and what was given up to get there. */
class Fitting {
  readonly dropped: DroppedContent[] = [];
  private rendered: RenderedContext;

  constructor(
    readonly sources: ContextSources,
    private readonly available: number,
    public draft: ContextDraft,
  ) {
    this.rendered = renderContext(sources, draft);
  }

  fits(): boolean {
    return this.rendered.tokens <= this.available;
  }

  wouldFit(draft: ContextDraft): boolean {
    return this.tokensOf(draft) <= this.available;
  }

  tokensOf(draft: ContextDraft): number {
    return renderContext(this.sources, draft).tokens;
  }

  get tokens(): number {
    return this.rendered.tokens;
  }

  apply(draft: ContextDraft, record: Omit<DroppedContent, 'tokensSaved'>): void {
    const next = renderContext(this.sources, draft);
    this.dropped.push({ ...record, tokensSaved: this.rendered.tokens - next.tokens });
    this.draft = draft;
    this.rendered = next;
  }

  result(): AssembledContext {
    return { ...this.rendered, dropped: this.dropped };
  }
}

type CompressionStep = (fitting: Fitting) => void;

/** (1) Older turns become one line each (first sentences); the newest turns stay whole. */
const summariseOlderHistory: CompressionStep = (fitting) => {
  const older = (fitting.sources.history ?? []).length - HISTORY_TURNS_KEPT_WHOLE;
  if (older <= 0) return;
  const draft = { ...fitting.draft, summarisedTurns: older, firstWholeTurn: older };
  if (fitting.tokensOf(draft) >= fitting.tokens) return; // turns already shorter than their summary
  fitting.apply(draft, {
    section: 'history',
    what: `history ${turns(1, older)} summarised (first sentence of each; the newest ${HISTORY_TURNS_KEPT_WHOLE} kept whole)`,
    action: 'summarised',
  });
};

/** (2) Memory items go lowest score first, one at a time. */
const dropMemoryLowestScoreFirst: CompressionStep = (fitting) => {
  while (!fitting.fits() && fitting.draft.memory.length > 0) {
    const lowest = fitting.draft.memory[fitting.draft.memory.length - 1];
    fitting.apply(
      { ...fitting.draft, memory: fitting.draft.memory.slice(0, -1) },
      { section: 'memory', what: `memory item ${lowest.itemId} (score ${lowest.score.toFixed(2)})`, action: 'dropped' },
    );
  }
};

/** (3) History goes oldest first: the summary, then whole turns. */
const dropHistoryOldestFirst: CompressionStep = (fitting) => {
  const { summarisedTurns, summaryDropped } = fitting.draft;
  if (summarisedTurns > 0 && !summaryDropped) {
    fitting.apply({ ...fitting.draft, summaryDropped: true }, { section: 'history', what: `history ${turns(1, summarisedTurns)} (summary)`, action: 'dropped' });
  }
  const turnCount = (fitting.sources.history ?? []).length;
  while (!fitting.fits() && fitting.draft.firstWholeTurn < turnCount) {
    const oldest = fitting.draft.firstWholeTurn;
    fitting.apply({ ...fitting.draft, firstWholeTurn: oldest + 1 }, { section: 'history', what: `history ${turns(oldest + 1, oldest + 1)}`, action: 'dropped' });
  }
};

/**
 * (4) Plan state: the progress text and every dependency output keep their END, under one shared
 * cap (the longest are cut first, short ones stay whole). The end is kept because a step's output
 * closes with its result (chain of thought reasons first and answers last; react ends on its final
 * answer), which is what a dependent step needs. If even the headings do not fit, it goes.
 */
const truncatePlanState: CompressionStep = (fitting) => {
  const { sources, draft } = fitting;
  if (!sources.planState?.trim() && !sources.dependencyOutputs?.length) return;
  const texts = [sources.planState ?? '', ...(sources.dependencyOutputs ?? []).filter((output) => output.status === 'completed').map((output) => output.output)];
  const longestTokens = Math.max(...texts.map(countTokens));
  const withCap = (capTokens: number): ContextDraft => ({ ...draft, planStateCap: capTokens * CHARS_PER_TOKEN });
  if (longestTokens > 0 && fitting.wouldFit(withCap(0))) {
    const capTokens = largestFitting(0, longestTokens - 1, (cap) => fitting.wouldFit(withCap(cap)));
    fitting.apply(withCap(capTokens), { section: 'plan_state', what: `plan_state truncated: each text keeps its last ${capTokens} tokens`, action: 'truncated' });
  } else {
    fitting.apply({ ...draft, planStateDropped: true }, { section: 'plan_state', what: 'plan_state (progress and dependency outputs)', action: 'dropped' });
  }
};

/** (5) Last resort: the task keeps its beginning and end, never less than `TASK_MINIMUM_CHARS`. */
const truncateTask: CompressionStep = (fitting) => {
  const task = fitting.sources.task;
  if (task.length <= TASK_MINIMUM_CHARS) return;
  const withKeep = (keep: number): ContextDraft => ({ ...fitting.draft, taskKeep: keep });
  const keep = largestFitting(TASK_MINIMUM_CHARS, task.length - 1, (chars) => fitting.wouldFit(withKeep(chars)));
  fitting.apply(withKeep(keep), {
    section: 'task',
    what: `task truncated to its beginning and end (${countTokens(task.slice(0, keep))} of ${countTokens(task)} tokens kept)`,
    action: 'truncated',
  });
};

const COMPRESSION_STEPS: CompressionStep[] = [summariseOlderHistory, dropMemoryLowestScoreFirst, dropHistoryOldestFirst, truncatePlanState, truncateTask];

function availableTokens(budget: ContextBudget): number {
  if (!Number.isFinite(budget.maxContextTokens) || !Number.isFinite(budget.reserveOutputTokens)) {
    throw new RangeError(`invalid context budget: maxContextTokens ${budget.maxContextTokens}, reserveOutputTokens ${budget.reserveOutputTokens}`);
  }
  return budget.maxContextTokens - budget.reserveOutputTokens;
}

/**
 * Best score first; equal scores by item id, so the order does not depend on the order recalled.
 * Each item is checked for instructions here, once, besides what the memory service said.
 */
function flaggedBestFirst(memory: MemoryEntry[]): MemoryEntry[] {
  return memory
    .map((entry) => ({ ...entry, looksLikeInstructions: entry.looksLikeInstructions || looksLikeInstructions(entry.content) }))
    .sort((a, b) => b.score - a.score || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
}

function turns(from: number, to: number): string {
  return from === to ? `turn ${from}` : `turns ${from}-${to}`;
}

function overflow(minimal: RenderedContext, available: number, budget: ContextBudget): ContextOverflowError {
  const size = minimal.sectionTokens;
  return new ContextOverflowError({
    system: size.system ?? 0,
    contract: size.contract ?? 0,
    instruction: size.instruction ?? 0,
    taskMinimum: size.task ?? 0,
    required: minimal.tokens,
    available,
    maxContextTokens: budget.maxContextTokens,
    reserveOutputTokens: budget.reserveOutputTokens,
  });
}
