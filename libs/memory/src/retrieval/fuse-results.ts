/** An item the vector index found: cosine similarity of its embedding to the query's. */
export interface VectorCandidate {
  itemId: string;
  similarity: number;
}

/** An item full-text search found: its ts_rank score (0..1 with normalisation 32). */
export interface LexicalCandidate {
  itemId: string;
  score: number;
}

export interface FusedResult {
  itemId: string;
  /** 0..1, what the results are ranked by. */
  score: number;
  /** What each search said (0 when it did not find the item). */
  vectorSimilarity: number;
  lexicalScore: number;
}

/**
 * The weights of the two searches in the fused score. Vectors carry most of it (they match meaning
 * with a semantic provider, word forms with the local one); full-text search rewards the query's
 * exact words, so an item both find outranks one only one finds at a similar similarity.
 */
export const FUSION_WEIGHTS = { vector: 0.7, lexical: 0.3 } as const;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

const bestById = <T>(candidates: T[], id: (candidate: T) => string, value: (candidate: T) => number) =>
  candidates.reduce((best, candidate) => best.set(id(candidate), Math.max(best.get(id(candidate)) ?? -Infinity, value(candidate))), new Map<string, number>());

/**
 * Fuses the two searches' candidates into the top `k`: score = 0.7 · similarity (negative counted as
 * 0) + 0.3 · lexical score relative to the query's best lexical score (ts_rank has no absolute scale:
 * the best full-text match counts fully, the others in proportion). An item missing from a search
 * gets 0 from it. Ties go to the more similar item, then the smaller id, so the order is stable.
 */
export function fuseResults(vector: VectorCandidate[], lexical: LexicalCandidate[], k: number): FusedResult[] {
  const similarities = bestById(vector, (candidate) => candidate.itemId, (candidate) => candidate.similarity);
  const lexicalScores = bestById(lexical, (candidate) => candidate.itemId, (candidate) => candidate.score);
  const bestLexical = Math.max(0, ...lexicalScores.values());
  return [...new Set([...similarities.keys(), ...lexicalScores.keys()])]
    .map((itemId) => {
      const vectorSimilarity = similarities.get(itemId) ?? 0;
      const lexicalScore = lexicalScores.get(itemId) ?? 0;
      const relativeLexical = bestLexical > 0 ? clamp01(lexicalScore / bestLexical) : 0;
      return { itemId, score: FUSION_WEIGHTS.vector * clamp01(vectorSimilarity) + FUSION_WEIGHTS.lexical * relativeLexical, vectorSimilarity, lexicalScore };
    })
    .sort((a, b) => b.score - a.score || b.vectorSimilarity - a.vectorSimilarity || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0))
    .slice(0, Math.max(0, k));
}
