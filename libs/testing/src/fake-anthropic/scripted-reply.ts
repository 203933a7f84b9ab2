/** What the fake Messages API answers to one request. Each shape is told apart by its keys. */
export type ScriptedReply = ScriptedText | ScriptedToolUse | ScriptedError | ScriptedMalformed | ScriptedDrop;

interface ScriptedAnswer {
  /** The model the answer names (default: the request's). */
  model?: string;
  /** Default: the request body's length / 4. */
  inputTokens?: number;
  /** Default: the answer's length / 4. */
  outputTokens?: number;
  /** Wait this long before answering at all (timeouts, queueing under load). */
  delayMs?: number;
  /** Streaming: wait this long between deltas (aborting mid-stream). */
  chunkDelayMs?: number;
}

export interface ScriptedText extends ScriptedAnswer {
  text: string;
  /** Streaming: the text deltas (default: word by word). They must join to `text`. */
  chunks?: string[];
  stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence';
  /** Streaming: after this many text deltas, an `error` event (overloaded_error) ends the stream. */
  errorAfterChunks?: number;
  /** Streaming: after this many text deltas, the connection is cut. */
  cutAfterChunks?: number;
}

export interface ScriptedToolUse extends ScriptedAnswer {
  toolUse: { id?: string; name: string; input: Record<string, unknown> };
  /** Text before the tool use. */
  text?: string;
}

export interface ScriptedError {
  status: number;
  /** Sent as the `retry-after` header (seconds; fractions allowed for fast tests). */
  retryAfterS?: number;
  /** The body's `error.type` (default: the one the API uses for the status). */
  errorType?: string;
  message?: string;
  delayMs?: number;
}

/** A 200 whose body cannot be parsed: broken JSON, or a broken SSE event when streaming. */
export interface ScriptedMalformed {
  malformed: true;
  delayMs?: number;
}

/** The connection is closed without an answer. */
export interface ScriptedDrop {
  dropConnection: true;
}
