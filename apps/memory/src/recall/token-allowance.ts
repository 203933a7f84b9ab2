import { countTokens } from '@sigil/context';
import type { MemoryHit } from '@sigil/schemas';

export interface FittedHits {
  items: MemoryHit[];
  tokens: number;
}

/**
 * The hits, best first, whose content fits in the allowance together (by the context manager's own
 * estimate, so what memory sends is what the planner counts). A hit too long for what is left is
 * passed over, not the end of the answer: a shorter, lower-ranked item may still fit.
 */
export function withinAllowance(hits: MemoryHit[], maxTokens: number): FittedHits {
  const fitted: FittedHits = { items: [], tokens: 0 };
  for (const hit of hits) {
    const tokens = countTokens(hit.content);
    if (fitted.tokens + tokens > maxTokens) continue;
    fitted.items.push(hit);
    fitted.tokens += tokens;
  }
  return fitted;
}
