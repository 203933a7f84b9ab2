export const MAX_PER_PAGE = 100;

/** The rows of one page, as SQL LIMIT and OFFSET. */
export interface PageWindow {
  limit: number;
  offset: number;
}

/**
 * `page` counts from 1 and `per_page` is 1..100; anything else (0 included, which is what an unset
 * protobuf field reads as) is the caller's mistake, reported by naming the field, not a default.
 */
export function pageWindow(page: number, perPage: number): PageWindow | { problem: string } {
  if (!Number.isInteger(page) || page < 1) return { problem: `page must be at least 1, got ${page}` };
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) return { problem: `per_page must be between 1 and ${MAX_PER_PAGE}, got ${perPage}` };
  return { limit: perPage, offset: (page - 1) * perPage };
}
