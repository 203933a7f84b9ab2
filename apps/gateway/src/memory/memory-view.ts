import type { Category, EraseMemoryResponse, MemoryHit, Resource, SearchMemoryResponse } from '@sigil/schemas';

/** Protobuf has no absent string: empty means none, which the API says with null. */
const orNull = (value: string) => value || null;

function metadataOf(json: string): Record<string, unknown> {
  if (!json) return {};
  const metadata = JSON.parse(json) as unknown;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) throw new Error('memory service sent resource metadata that is not a JSON object');
  return metadata as Record<string, unknown>;
}

/** A resource as the API shows it: what was stored, and how far extraction got (the items it produced). */
export function resourceView(resource: Resource) {
  return {
    id: resource.resourceId,
    resource_type: resource.resourceType,
    content: resource.content,
    metadata: metadataOf(resource.metadataJson),
    session_id: orNull(resource.sessionId),
    subject_id: orNull(resource.subjectId),
    run_id: orNull(resource.runId),
    extraction_status: resource.extractionStatus,
    item_ids: [...resource.itemIds],
    created_at: resource.createdAt,
  };
}

/** A hit: the item (untrusted data, flagged when it reads as an instruction), its score, category and source. */
export function hitView(hit: MemoryHit) {
  return {
    item: {
      id: hit.itemId,
      content: hit.content,
      confidence: hit.confidence,
      session_id: orNull(hit.sessionId),
      created_at: hit.createdAt,
      looks_like_instructions: hit.looksLikeInstructions,
    },
    score: hit.score,
    category: hit.category,
    source_resource_id: orNull(hit.sourceResourceId),
  };
}

export function searchView(reply: Pick<SearchMemoryResponse, 'items' | 'modeUsed'>) {
  return { results: reply.items.map(hitView), mode_used: reply.modeUsed };
}

/** A category; the list leaves the summary out, as the service does. */
export function categoryView(category: Category, withSummary: boolean) {
  return {
    name: category.name,
    ...(withSummary ? { summary_markdown: category.summaryMarkdown } : {}),
    item_count: category.itemCount,
    last_consolidated_at: orNull(category.lastConsolidatedAt),
    consolidation_pending: category.consolidationPending,
    updated_at: orNull(category.updatedAt),
  };
}

/** The record of an erasure: its scope and counts, never the content. The categories are rebuilt from what is left. */
export function erasureView(scope: 'session' | 'subject', scopeId: string, reply: Pick<EraseMemoryResponse, 'erasureId' | 'resourcesErased' | 'itemsErased' | 'categoriesRebuilt'>) {
  return {
    erasure_id: reply.erasureId,
    scope,
    scope_id: scopeId,
    resources_erased: reply.resourcesErased,
    items_erased: reply.itemsErased,
    categories_rebuilt: [...reply.categoriesRebuilt],
  };
}
