import { fromBinary } from '@bufbuild/protobuf';
import { TokenChunkSchema, type TokenChunk } from '@sigil/schemas';

/**
 * Core NATS subjects (no stream captures them): live data that is worthless once late, such as the
 * tokens of a step as the model produces them, relayed by the gateway's WebSocket API.
 */
const LIVE_TOKENS_PREFIX = 'sigil.live.v1.tokens';

/** Every run's token chunks (monitoring, tests); a listener for one run uses `liveTokensSubject`. */
export const ALL_LIVE_TOKENS_SUBJECT = `${LIVE_TOKENS_PREFIX}.*`;

/** Where reasoning publishes a run's `TokenChunk`s; a NATS token may not hold `.`, `*`, `>` or spaces. */
export function liveTokensSubject(runId: string): string {
  if (!runId || /[.*>\s]/.test(runId)) throw new Error(`run id "${runId}" cannot be a subject token`);
  return `${LIVE_TOKENS_PREFIX}.${runId}`;
}

/** A chunk as published on a live tokens subject (protobuf `sigil.reasoning.v1.TokenChunk`). */
export function decodeTokenChunk(data: Uint8Array): TokenChunk {
  return fromBinary(TokenChunkSchema, data);
}
