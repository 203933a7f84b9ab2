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

/** The problem with an item's content (already trimmed), if any. */
export function contentProblem(content: string): string | undefined {
  const length = charCount(content);
  return length < 1 || length > MAX_CONTENT_CHARS ? `content must be 1 to ${MAX_CONTENT_CHARS} characters, not ${length}` : undefined;
}

/** The problem with a confidence (how sure memory is of an item: 0 not at all, 1 stated outright), if any. */
export function confidenceProblem(confidence: unknown): string | undefined {
  return typeof confidence === 'number' && confidence >= 0 && confidence <= 1 ? undefined : `confidence must be a number from 0 to 1, not ${JSON.stringify(confidence)}`;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** The value when there are no problems, else every problem. */
export function checked<T>(problems: (string | undefined)[], value: () => T): Checked<T> {
  const found = problems.filter((problem): problem is string => problem !== undefined);
  return found.length === 0 ? { ok: true, value: value() } : { ok: false, problems: found };
}
