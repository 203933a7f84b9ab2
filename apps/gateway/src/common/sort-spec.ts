export interface SortKey {
  field: string;
  descending: boolean;
}

/**
 * `sort=-created_at,name` into keys (guidelines: `-` for descending, several fields in order).
 * Returns the offending field when one is not sortable, so the error can name it.
 */
export function parseSort(raw: string, sortable: readonly string[]): { keys: SortKey[] } | { unknownField: string } {
  const keys: SortKey[] = [];
  for (const part of raw.split(',')) {
    const descending = part.startsWith('-');
    const field = descending ? part.slice(1) : part;
    if (!sortable.includes(field)) return { unknownField: field };
    if (!keys.some((key) => key.field === field)) keys.push({ field, descending });
  }
  return { keys };
}
