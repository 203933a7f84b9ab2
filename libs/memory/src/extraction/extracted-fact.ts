/** A fact the model found in a resource: one memory item to be. */
export interface ExtractedFact {
  content: string;
  category: string;
  /** 0..1: 1 stated outright, lower when the resource hedges. */
  confidence: number;
}

/** More would be a resource's paraphrase, not its facts. */
export const MAX_FACTS_PER_RESOURCE = 50;

/**
 * A model's category name in memory's form: "User Preferences" → `user_preferences` (accents
 * dropped, lower case, runs of other characters become one `_`). The result may still break the
 * category rules (e.g. start with a digit); the caller checks it.
 */
export function normaliseCategory(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
}

/** Facts stated more than once count once: the first wording, with the highest confidence any of them had. */
export function distinctFacts(facts: ExtractedFact[]): ExtractedFact[] {
  const byContent = new Map<string, ExtractedFact>();
  for (const fact of facts) {
    const key = sameFactKey(fact.content);
    const seen = byContent.get(key);
    byContent.set(key, seen ? { ...seen, confidence: Math.max(seen.confidence, fact.confidence) } : fact);
  }
  return [...byContent.values()];
}

/** Two statements are the same fact when they differ only in case, spacing and final punctuation. */
export function sameFactKey(content: string): string {
  return content.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').replace(/[\s.!]+$/, '').trim();
}
