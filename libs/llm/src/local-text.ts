import type { LlmResponse } from './llm-types';
import { CHARS_PER_TOKEN } from './token-estimate';

export interface ShapedText {
  text: string;
  stopReason: Extract<LlmResponse['stopReason'], 'end_turn' | 'max_tokens' | 'stop_sequence'>;
}

/** What a model would return for this answer: cut at the first stop sequence, then at the output limit. */
export function shapeLocalText(text: string, maxOutputTokens: number, stopSequences: readonly string[] = []): ShapedText {
  const stops = stopSequences.map((stop) => text.indexOf(stop)).filter((at) => at >= 0);
  const stopAt = stops.length > 0 ? Math.min(...stops) : -1;
  const stopped = stopAt >= 0 ? text.slice(0, stopAt) : text;
  const limit = maxOutputTokens * CHARS_PER_TOKEN;
  if (stopped.length > limit) return { text: stopped.slice(0, limit), stopReason: 'max_tokens' };
  return { text: stopped, stopReason: stopAt >= 0 ? 'stop_sequence' : 'end_turn' };
}

/** Splits text into at most `parts` consecutive pieces (fewer for short text) that join back to it. */
export function chunkText(text: string, parts: number): string[] {
  if (text.length === 0) return [];
  const size = Math.ceil(text.length / Math.min(parts, text.length));
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
  return chunks;
}
