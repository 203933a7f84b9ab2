/** Turns texts into vectors; the local hashing provider and remote HTTP providers both speak it. */
export interface EmbeddingProvider {
  /** `local`, `openai`, …: where the vectors come from. */
  readonly name: string;
  /** The model that made the vectors, stored with each item so vectors of different models are never compared. */
  readonly model: string;
  readonly dimensions: number;
  /** One vector of `dimensions` floats per text, in the texts' order. */
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<Float32Array[]>;
}

/** `SIGIL_MEMORY_EMBEDDING_DIMENSIONS` when unset. */
export const DEFAULT_EMBEDDING_DIMENSIONS = 384;
