import type { HistoryTurn } from './context-types';

/** A summarised turn keeps at most this many characters of each side (about 40 tokens). */
export const SUMMARY_SENTENCE_MAX_CHARS = 160;

/** The first sentence (or line) of a text, whitespace collapsed, capped with an ellipsis. */
export function firstSentence(text: string, maxChars = SUMMARY_SENTENCE_MAX_CHARS): string {
  const firstLine = text.trim().split('\n', 1)[0] ?? '';
  const sentence = /^.*?[.!?](?=\s|$)/.exec(firstLine)?.[0] ?? firstLine;
  const collapsed = sentence.replace(/\s+/g, ' ').trim();
  return collapsed.length <= maxChars ? collapsed : `${collapsed.slice(0, maxChars - 1).trimEnd()}…`;
}

/**
 * An extractive summary of earlier turns: the first sentence of each input and response, one line
 * a turn, numbered as in the session (`firstTurnNumber` is the first turn's number).
 */
export function summariseTurns(turns: HistoryTurn[], firstTurnNumber = 1): string {
  return turns
    .map((turn, index) => `turn ${firstTurnNumber + index}: asked "${firstSentence(turn.input)}" → answered "${firstSentence(turn.response)}"`)
    .join('\n');
}
