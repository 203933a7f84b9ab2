import { STOP_WORDS } from '../text/stop-words';
import { wordsOf } from '../text/words';
import { DEFAULT_EMBEDDING_DIMENSIONS, type EmbeddingProvider } from './embedding-port';
import { addHashedFeature, fnv1a } from './feature-hash';
import { normaliseInPlace } from './vector-math';

/**
 * How much each kind of feature weighs in the vector: words say most, character trigrams match word
 * forms ("prefers" / "preferred") and typos, word pairs reward the same phrasing.
 */
const FEATURE_WEIGHTS = { words: 0.5, wordPairs: 0.2, trigrams: 0.3 } as const;
type FeatureKind = keyof typeof FEATURE_WEIGHTS;
const FEATURE_KINDS = Object.keys(FEATURE_WEIGHTS) as FeatureKind[];
/** Each kind hashes in its own space: the word "tea" and the trigram "tea" are different features. */
const KIND_SEEDS = Object.fromEntries(FEATURE_KINDS.map((kind) => [kind, fnv1a(`${kind}:`)])) as Record<FeatureKind, number>;

/** A vector length is a whole number of floats, at least one. */
function checkedDimensions(dimensions: number): number {
  if (!Number.isInteger(dimensions) || dimensions < 1) throw new RangeError(`dimensions must be a positive integer, not ${dimensions}`);
  return dimensions;
}

const count = (features: string[]) => {
  const counts = new Map<string, number>();
  for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  return counts;
};

/** The word's character trigrams, its boundaries marked (`#tea#` → `#te`, `tea`, `ea#`). */
const trigramsOf = (word: string): string[] => {
  const padded = `#${word}#`;
  return Array.from({ length: padded.length - 2 }, (_, index) => padded.slice(index, index + 3));
};

/** The text's features by kind; a text without letters or digits falls back to its characters, so it still has a direction. */
function featuresOf(text: string): Record<FeatureKind, string[]> {
  const words = wordsOf(text);
  if (words.length === 0) return { words: [...text].filter((character) => character.trim()), wordPairs: [], trigrams: [] };
  const contentWords = words.filter((word) => !STOP_WORDS.has(word));
  const topicWords = contentWords.length > 0 ? contentWords : words;
  return {
    words: topicWords,
    wordPairs: words.slice(1).map((word, index) => `${words[index]} ${word}`),
    trigrams: topicWords.flatMap(trigramsOf),
  };
}

/**
 * A deterministic, offline embedding: signed feature hashing of the normalised text's words (stop
 * words left out), word pairs and character trigrams, each counted sublinearly (1 + ln tf), each
 * kind scaled to its weight, the whole L2-normalised. It measures LEXICAL similarity only: texts
 * that share words and word forms are close, synonyms and paraphrases with other words are not
 * ("car" is as far from "automobile" as from "banana"). It is the default so memory works with no
 * model server; configure a remote provider for semantic search. Empty text gives the zero vector.
 */
export function localEmbedding(text: string, dimensions = DEFAULT_EMBEDDING_DIMENSIONS): Float32Array {
  const vector = new Float32Array(checkedDimensions(dimensions));
  const group = new Float32Array(dimensions);
  const features = featuresOf(text);
  for (const kind of FEATURE_KINDS) {
    group.fill(0);
    for (const [feature, frequency] of count(features[kind])) addHashedFeature(group, feature, KIND_SEEDS[kind], 1 + Math.log(frequency));
    normaliseInPlace(group);
    for (let index = 0; index < dimensions; index++) vector[index] += FEATURE_WEIGHTS[kind] * group[index];
  }
  return normaliseInPlace(vector);
}

/** The offline provider: `localEmbedding` behind the provider port (no network, no key, same vectors everywhere). */
export class LocalEmbeddingProvider implements EmbeddingProvider {
  readonly name = 'local';
  readonly model: string;
  readonly dimensions: number;

  constructor(dimensions = DEFAULT_EMBEDDING_DIMENSIONS) {
    this.dimensions = checkedDimensions(dimensions);
    this.model = `sigil-local-hash-${dimensions}`;
  }

  async embed(texts: string[], options: { signal?: AbortSignal } = {}): Promise<Float32Array[]> {
    options.signal?.throwIfAborted();
    return texts.map((text) => localEmbedding(text, this.dimensions));
  }
}
