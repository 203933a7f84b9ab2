import { assembleContext } from './assemble-context';
import { ContextOverflowError } from './context-overflow-error';
import type { ContextBudget, ContextSources } from './context-types';
import { countTokens } from './token-count';

/** A seeded generator (mulberry32): the same cases on every run, so a failure can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * (max + 1));
  const words = ['invoice', 'refund', 'March', 'charged', 'twice', 'é', '😀', 'the', 'customer', 'total'];
  const text = (maxChars: number): string => {
    const length = int(maxChars);
    let out = '';
    while (out.length < length) out += `${words[int(words.length - 1)]}${int(6) === 0 ? '. ' : ' '}`;
    return out.slice(0, length);
  };
  return { next, int, text };
}

function randomCase(seed: number): { sources: ContextSources; budget: ContextBudget } {
  const { next, int, text } = generator(seed);
  const sources: ContextSources = {
    system: text(2_000),
    task: text(int(1) ? 20_000 : 600),
    contract: int(1) ? text(1_000) : undefined,
    instruction: int(1) ? text(800) : undefined,
    planState: int(1) ? text(3_000) : undefined,
    dependencyOutputs: Array.from({ length: int(4) }, (_, index) => ({
      stepId: `s${index}`,
      title: text(40),
      status: int(4) === 0 ? ('skipped' as const) : ('completed' as const),
      output: text(8_000),
    })),
    memory: Array.from({ length: int(10) }, (_, index) => ({
      itemId: `m-${index}`,
      content: text(2_000),
      score: Math.round(next() * 100) / 100,
      category: text(12),
      looksLikeInstructions: int(5) === 0,
    })),
    history: Array.from({ length: int(8) }, () => ({ input: text(1_500), response: text(3_000) })),
  };
  return { sources, budget: { maxContextTokens: int(16_000), reserveOutputTokens: int(2_000) } };
}

describe('assembleContext: never over budget', () => {
  const cases = Array.from({ length: 400 }, (_, seed) => ({ seed, ...randomCase(seed) }));

  it('given 400 random sources and budgets, when assembled, then the context fits or CTX_004 says the never-dropped parts cannot', () => {
    let fitted = 0;
    let compressed = 0;
    let refused = 0;
    for (const { seed, sources, budget } of cases) {
      const available = budget.maxContextTokens - budget.reserveOutputTokens;
      let context;
      try {
        context = assembleContext(sources, budget);
      } catch (error) {
        if (!(error instanceof ContextOverflowError)) throw error;
        expect({ seed, required: error.sizes.required > available }).toEqual({ seed, required: true });
        refused++;
        continue;
      }
      expect({ seed, fits: context.tokens <= available }).toEqual({ seed, fits: true });
      expect({ seed, tokens: context.tokens }).toEqual({ seed, tokens: countTokens(context.system) + countTokens(context.prompt) });
      expect({ seed, instruction: context.prompt.startsWith(sources.instruction?.trim() ? sources.instruction : '') }).toEqual({ seed, instruction: true });
      expect({ seed, savedAddsUp: context.dropped.reduce((sum, entry) => sum + entry.tokensSaved, 0) }).toEqual({
        seed,
        savedAddsUp: assembleContext(sources, { maxContextTokens: Number.MAX_SAFE_INTEGER, reserveOutputTokens: 0 }).tokens - context.tokens,
      });
      if (context.dropped.length > 0) compressed++;
      else fitted++;
    }
    // The generated sizes must exercise all three outcomes, or the property proves little.
    expect(Math.min(fitted, compressed, refused)).toBeGreaterThan(20);
  });

  it('given random sources, when assembled twice, then the output is the same', () => {
    const fitting = cases.filter(({ sources, budget }) => !(budget.maxContextTokens - budget.reserveOutputTokens < countTokens(sources.system))).slice(0, 50);
    let compared = 0;
    for (const { sources, budget } of fitting) {
      let first;
      try {
        first = assembleContext(sources, budget);
      } catch (error) {
        if (error instanceof ContextOverflowError) continue;
        throw error;
      }
      expect(assembleContext(sources, budget)).toEqual(first);
      compared++;
    }
    expect(compared).toBeGreaterThan(25);
  });
});
