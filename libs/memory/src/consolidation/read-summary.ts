/** A category summary is read by people and put in prompts: bounded like a page, not like a book. */
export const MAX_SUMMARY_CHARS = 20_000;

export type SummaryReading = { ok: true; summary: string } | { ok: false; problem: string };

/** A fenced answer (```markdown … ```) is unwrapped: models often fence markdown they are asked for. */
const WHOLE_FENCE = /^```(?:markdown|md)?\s*\n([\s\S]*?)\n```$/i;

/** Reads a model's summary: non-empty markdown of at most 20,000 characters, surrounding whitespace and a wrapping fence removed. */
export function readSummary(text: string): SummaryReading {
  const trimmed = text.trim();
  const summary = (WHOLE_FENCE.exec(trimmed)?.[1] ?? trimmed).trim();
  if (!summary) return { ok: false, problem: 'the summary is empty' };
  const length = [...summary].length;
  if (length > MAX_SUMMARY_CHARS) return { ok: false, problem: `the summary has ${length} characters; at most ${MAX_SUMMARY_CHARS} are allowed` };
  return { ok: true, summary };
}
