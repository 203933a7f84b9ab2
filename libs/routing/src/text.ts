/**
 * Longer inputs are matched on their first MAX_SCANNED_CHARS characters: what a request is about
 * shows early, and the cap bounds the router's latency whatever a client sends.
 */
export const MAX_SCANNED_CHARS = 4_096;

const NON_ASCII = /[\u0080-\uffff]/;

/** decideRoute classifies and assesses the same input: keeping the last result normalises it once. */
let lastInput: string | undefined;
let lastText = '';

/**
 * The form keywords and patterns are matched against: lower case and, when there is any non-ASCII
 * character, NFKC-folded, so full-width letters and ligatures ('ＡＧＥＮＴ', 'ﬁle') match too.
 */
export function toMatchableText(input: string): string {
  if (input === lastInput) return lastText;
  const scanned = input.length > MAX_SCANNED_CHARS ? input.slice(0, MAX_SCANNED_CHARS) : input;
  lastText = (NON_ASCII.test(scanned) ? scanned.normalize('NFKC') : scanned).toLowerCase();
  lastInput = input;
  return lastText;
}
