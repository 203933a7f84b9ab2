import { type PageWindow, pageWindow } from '@sigil/persistence';
import type { GetCategoryRequest, ListCategoriesRequest } from '@sigil/schemas';
import { categoryProblem, type Checked, checked } from '@sigil/memory';

/** The page of the tenant's categories asked for, by the platform's shared page rule. */
export function categoryPageOf(request: ListCategoriesRequest): Checked<PageWindow> {
  const window = pageWindow(request.page, request.perPage);
  return 'problem' in window ? { ok: false, problems: [window.problem] } : { ok: true, value: window };
}

/** The category asked for; a name that cannot be a category is the caller's mistake, not a miss. */
export function categoryNameOf(request: GetCategoryRequest): Checked<string> {
  return checked([categoryProblem(request.name)], () => request.name);
}
