import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  categorySelectionPrompt,
  type EmbeddingProvider,
  fuseResults,
  itemRelevancePrompt,
  readCategorySelection,
  readItemRelevance,
  type SearchMode,
  type SearchRequest,
  shouldEscalate,
} from '@sigil/memory';
import type { MemoryHit } from '@sigil/schemas';
import { DataSource } from 'typeorm';
import { EMBEDDING_PROVIDER } from '../embeddings/embeddings.module';
import { searchItems } from '../items/item-store';
import { memoryHitOf } from '../items/memory-hits';
import { MemoryModel } from '../model/memory-model';
import { VectorIndex } from '../vector-index/vector-index';
import { RETRIEVAL_SETTINGS, type RetrievalSettings } from './retrieval-settings';
import { categoryOverviews, type ItemRow, itemsByIds, itemsOfCategories } from './retrieval-store';

/** What a search found, best first, and the mode that found it (a hybrid search answers rag or llm). */
export interface Retrieved {
  hits: MemoryHit[];
  modeUsed: Exclude<SearchMode, 'hybrid'>;
}

/** Each of rag's two searches brings this many candidates per result asked for, fused into the top k. */
const CANDIDATES_PER_RESULT = 2;
/** The llm mode shows the model at most this many items, each cut to this many characters (the hit keeps all of it). */
export const MAX_LLM_CANDIDATES = 100;
export const MAX_LLM_PREVIEW_CHARS = 500;

/** An item found, with the score it was found with (rag's fused score, or the model's relevance). */
interface Scored {
  row: ItemRow;
  score: number;
}
const previewOf = (content: string) => [...content].slice(0, MAX_LLM_PREVIEW_CHARS).join('');

/**
 * Memory retrieval, always within one tenant.
 * - rag: the query's embedding searched in the vector index and the query searched by Postgres
 *   full-text search (the same filters), the candidates' rows read back (an erased item is gone at
 *   once, whatever the index holds), and the two fused (`fuseResults`) into the top k that score at
 *   least SIGIL_MEMORY_MIN_SCORE.
 * - llm: the model picks categories from their summaries, then picks and scores the relevant items
 *   of those categories. A model that fails or answers unreadably twice leaves the search to rag,
 *   and the answer says so (`modeUsed`).
 * - hybrid: rag, escalating to llm when rag's best score is below SIGIL_MEMORY_HYBRID_THRESHOLD; the
 *   model then judges rag's candidates too, so what rag found (an item stored a moment ago, whose
 *   category has no summary yet) is not lost by escalating.
 */
@Injectable()
export class MemoryRetrieval {
  private readonly logger = new Logger(MemoryRetrieval.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly index: VectorIndex,
    private readonly model: MemoryModel,
    @Inject(EMBEDDING_PROVIDER) private readonly embeddings: EmbeddingProvider,
    @Inject(RETRIEVAL_SETTINGS) private readonly settings: RetrievalSettings,
  ) {}

  async search(tenantId: string, request: SearchRequest): Promise<Retrieved> {
    if (request.mode === 'llm') return (await this.llm(tenantId, request, [])) ?? this.answered(await this.rag(tenantId, request), 'rag');
    const rag = await this.rag(tenantId, request);
    if (request.mode === 'rag' || !shouldEscalate(rag[0]?.score, this.settings.hybridThreshold)) return this.answered(rag, 'rag');
    // The model also judges rag's candidates: an item stored a moment ago is not in any summary yet.
    return (await this.llm(tenantId, request, rag.map((found) => found.row))) ?? this.answered(rag, 'rag');
  }

  private answered(found: Scored[], modeUsed: Retrieved['modeUsed']): Retrieved {
    return { hits: found.map(({ row, score }) => memoryHitOf({ ...row, score })), modeUsed };
  }

  private async rag(tenantId: string, request: SearchRequest): Promise<Scored[]> {
    const candidates = request.k * CANDIDATES_PER_RESULT;
    // The lexical half needs no embedding: it runs while the query is embedded (a remote model's call).
    const lexicalSearch = searchItems(this.dataSource, tenantId, { ...request, k: candidates });
    const vectorSearch = this.embeddings.embed([request.query]).then(([embedding]) =>
      this.index.search(tenantId, embedding, candidates, {
        sessionId: request.sessionId,
        category: request.category,
        createdAfterMs: request.createdAfter?.getTime(),
        createdBeforeMs: request.createdBefore?.getTime(),
      }),
    );
    const [vector, lexical] = await Promise.all([vectorSearch, lexicalSearch]);
    const rows = await itemsByIds(this.dataSource, tenantId, [...new Set([...vector, ...lexical].map((found) => found.itemId))], request);
    const existing = <T extends { itemId: string }>(found: T[]) => found.filter((candidate) => rows.has(candidate.itemId));
    return fuseResults(existing(vector), existing(lexical), request.k)
      .filter((fused) => fused.score >= this.settings.minScore)
      .map((fused) => ({ row: rows.get(fused.itemId) as ItemRow, score: fused.score }));
  }

  /**
   * The model's choice of categories, then of the relevant items among theirs and the `alsoJudged`
   * ones. Undefined when the model could not answer: the caller falls back to rag.
   */
  private async llm(tenantId: string, request: SearchRequest, alsoJudged: ItemRow[]): Promise<Retrieved | undefined> {
    try {
      const categories = request.category ? [request.category] : await this.chosenCategories(tenantId, request.query);
      const ofCategories = await itemsOfCategories(this.dataSource, tenantId, categories, request, MAX_LLM_CANDIDATES);
      const items = new Map([...ofCategories, ...alsoJudged].map((item) => [item.id, item]));
      if (items.size === 0) return { hits: [], modeUsed: 'llm' };
      const relevance = await this.model.read(
        itemRelevancePrompt(request.query, [...items.values()].map((item) => ({ itemId: item.id, content: previewOf(item.content), category: item.category }))),
        (answer) => readItemRelevance(answer, [...items.keys()]),
      );
      if (!relevance.ok) return this.unanswered(relevance.problem);
      return this.answered(relevance.relevant.slice(0, request.k).map((relevant) => ({ row: items.get(relevant.itemId) as ItemRow, score: relevant.score })), 'llm');
    } catch (error) {
      return this.unanswered(error instanceof Error ? error.message : String(error));
    }
  }

  /** The categories the model chose from the tenant's summaries (none when the tenant has none). */
  private async chosenCategories(tenantId: string, query: string): Promise<string[]> {
    const overviews = await categoryOverviews(this.dataSource, tenantId);
    if (overviews.length === 0) return [];
    const names = overviews.map((overview) => overview.name);
    const selection = await this.model.read(categorySelectionPrompt(query, overviews), (answer) => readCategorySelection(answer, names));
    if (!selection.ok) throw new Error(`unreadable category selection: ${selection.problem}`);
    return selection.categories;
  }

  private unanswered(problem: string): undefined {
    this.logger.warn(`llm retrieval answered by rag instead: ${problem}`);
    return undefined;
  }
}
