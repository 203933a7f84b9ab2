/** An HTTP error with OpenAI's error body; `retryAfterS` adds a retry-after header. */
export interface ScriptedEmbeddingError {
  status: number;
  retryAfterS?: number;
  message?: string;
  delayMs?: number;
}

/** A well-formed answer; `dimensions` overrides the requested length (a misconfigured model), `reversed` lists data last index first. */
export interface ScriptedEmbeddings {
  dimensions?: number;
  reversed?: boolean;
  /** A slow server: the answer comes after this long (or never, when the client gives up first). */
  delayMs?: number;
}

/** A 200 whose body is not JSON. */
export interface ScriptedEmbeddingMalformed {
  malformed: true;
  delayMs?: number;
}

/** The connection is closed without an answer. */
export interface ScriptedEmbeddingDrop {
  dropConnection: true;
}

export type ScriptedEmbeddingReply = ScriptedEmbeddingError | ScriptedEmbeddings | ScriptedEmbeddingMalformed | ScriptedEmbeddingDrop;
