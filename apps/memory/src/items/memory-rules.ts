/** What memory accepts: the limits a store or search request is checked against. */
export const MAX_CONTENT_CHARS = 10_000;
export const DEFAULT_CATEGORY = 'general';
/** Lower-case words joined by `_` or `-`, e.g. `user_preferences`: a category is a name, later a summary's title. */
export const CATEGORY_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
export const DEFAULT_K = 5;
export const MAX_K = 50;
export const MAX_QUERY_CHARS = 2_000;
/** Session and run ids and idempotency keys are the callers' opaque strings, bounded. */
export const MAX_ID_CHARS = 200;

/** Counted as Postgres counts `char_length`: by code point, not UTF-16 unit. */
export const charCount = (text: string) => [...text].length;

/** The problem with a category, if any. */
export function categoryProblem(category: string): string | undefined {
  return CATEGORY_PATTERN.test(category) ? undefined : `category '${category}' must match ${CATEGORY_PATTERN.source} (lower-case letters, digits, _ and -, at most 64)`;
}

/** The problem with an optional opaque id (empty means absent), if any. */
export function idProblem(field: string, value: string): string | undefined {
  return charCount(value) > MAX_ID_CHARS ? `${field} must be at most ${MAX_ID_CHARS} characters` : undefined;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** The value when there are no problems, else every problem. */
export function checked<T>(problems: (string | undefined)[], value: () => T): Checked<T> {
  const found = problems.filter((problem): problem is string => problem !== undefined);
  return found.length === 0 ? { ok: true, value: value() } : { ok: false, problems: found };
}
