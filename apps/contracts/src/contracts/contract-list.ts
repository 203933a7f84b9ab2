import { pageWindow, type PageWindow } from '@sigil/persistence';
import type { ListContractsRequest } from '@sigil/schemas';

export interface ListCriteria {
  page: PageWindow;
  /** ILIKE pattern (escape character \) for name or description; absent when the caller searches nothing. */
  contains?: string;
}

/** An ILIKE pattern matching the text literally anywhere: its own %, _ and \ are not wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** A list request checked by the shared page rule; proto3 sends an absent q as ''. */
export function listCriteriaOf(request: ListContractsRequest): ListCriteria | { problem: string } {
  const page = pageWindow(request.page, request.perPage);
  if ('problem' in page) return page;
  return request.q === '' ? { page } : { page, contains: containsPattern(request.q) };
}
