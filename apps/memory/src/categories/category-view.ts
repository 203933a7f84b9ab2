import { create } from '@bufbuild/protobuf';
import { type Category, CategorySchema } from '@sigil/schemas';

/** A category as the table holds it. */
export interface CategoryRow {
  name: string;
  summary_markdown: string;
  item_count: number;
  last_consolidated_at: Date | null;
  dirty_since: Date | null;
  updated_at: Date;
}

/** The category as callers see it; a list leaves the summaries out (they can be long). */
export const categoryOf = (row: CategoryRow, { withSummary }: { withSummary: boolean }): Category =>
  create(CategorySchema, {
    name: row.name,
    summaryMarkdown: withSummary ? row.summary_markdown : '',
    itemCount: row.item_count,
    lastConsolidatedAt: row.last_consolidated_at?.toISOString() ?? '',
    consolidationPending: row.dirty_since !== null,
    updatedAt: row.updated_at.toISOString(),
  });
