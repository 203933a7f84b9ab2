import { planJsonIn } from '@sigil/plans';

/** A JSON object's own fields; other values are not records. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The JSON object in a model's answer (a fenced block, else the outermost braces: the same reading
 * the planner gives plans), or undefined.
 */
export function answerObjectIn(text: string): Record<string, unknown> | undefined {
  const parsed = planJsonIn(text);
  return isRecord(parsed) ? parsed : undefined;
}

/** One problem for a list of them: the first few, and how many more, so a retry prompt stays short. */
export function problemOf(problems: string[], shown = 5): string {
  const more = problems.length - shown;
  return problems.slice(0, shown).join('; ') + (more > 0 ? `; and ${more} more` : '');
}
