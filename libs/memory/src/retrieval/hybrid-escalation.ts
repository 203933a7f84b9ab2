/** `SIGIL_MEMORY_HYBRID_THRESHOLD` when unset. */
export const DEFAULT_HYBRID_THRESHOLD = 0.7;

/**
 * Whether a hybrid search escalates from rag to llm: when rag is not sure, its best score below the
 * threshold, or it found nothing (no best score).
 */
export function shouldEscalate(bestScore: number | undefined, threshold: number): boolean {
  return bestScore === undefined || bestScore < threshold;
}
