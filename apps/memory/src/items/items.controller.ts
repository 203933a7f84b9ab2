import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Queries } from '@sigil/catalog';
import { OnQuery, QueryContext } from '@sigil/messaging';
import type { EmbeddingProvider } from '@sigil/memory';
import { UnitOfWork } from '@sigil/persistence';
import type { StoreMemoryBatchRequest, StoreMemoryRequest } from '@sigil/schemas';
import { EMBEDDING_PROVIDER } from '../embeddings/embeddings.module';
import type { StoredItem } from './item-store';
import { storeItems } from './item-writes';
import { invalidInput } from './memory-errors';
import { inQueryTransaction } from './query-transaction';
import { newItemsOf } from './store-batch-request';
import { type NewItem, newItemOf } from './store-request';

/** The memory_store tool's query and batch imports; every statement stays within the caller's tenant. */
@Controller()
export class ItemsController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(EMBEDDING_PROVIDER) private readonly embeddings: EmbeddingProvider,
  ) {}

  @OnQuery(Queries.StoreMemory)
  async store(@Payload() request: StoreMemoryRequest, @Ctx() context: QueryContext) {
    const item = newItemOf(request, context.envelope);
    if (!item.ok) return invalidInput(item.problems);
    const [stored] = await this.embedAndStore(Queries.StoreMemory, context, [item.value]);
    return stored;
  }

  /** All or nothing: one bad item refuses the batch, and its result names that item's problems. */
  @OnQuery(Queries.StoreMemoryBatch)
  async storeBatch(@Payload() request: StoreMemoryBatchRequest, @Ctx() context: QueryContext) {
    const batch = newItemsOf(request, context.envelope);
    if (!batch.ok) return { ...invalidInput(batch.problems), results: batch.itemProblems.map((problems) => (problems.length > 0 ? invalidInput(problems) : {})) };
    return { results: await this.embedAndStore(Queries.StoreMemoryBatch, context, batch.items) };
  }

  /** Embeds before the transaction opens (a remote provider is a network call), then stores in one. */
  private async embedAndStore(query: typeof Queries.StoreMemory | typeof Queries.StoreMemoryBatch, context: QueryContext, items: NewItem[]): Promise<StoredItem[]> {
    const embeddings = await this.embeddings.embed(items.map((item) => item.content));
    const records = items.map((item, index) => ({ ...item, subjectId: null, sourceResourceId: null, embedding: embeddings[index] }));
    return inQueryTransaction(this.unitOfWork, query, context, (tx) => storeItems(tx, records, this.embeddings.model));
  }
}
