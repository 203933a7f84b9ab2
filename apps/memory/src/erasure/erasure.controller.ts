import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, Queries } from '@sigil/catalog';
import { OnQuery, QueryContext } from '@sigil/messaging';
import { UnitOfWork } from '@sigil/persistence';
import type { EraseMemoryRequest } from '@sigil/schemas';
import { markCategoriesDirty } from '../categories/category-marks';
import { CONSOLIDATION_DELAY_MS } from '../categories/consolidation-settings';
import { invalidInput } from '../items/memory-errors';
import { inQueryTransaction } from '../items/query-transaction';
import { erasureScopeOf } from './erasure-request';
import { eraseScope, type ErasureRecord, recordErasure } from './erasure-store';

const responseOf = (record: ErasureRecord) => ({
  erasureId: record.erasureId,
  resourcesErased: record.resourcesErased,
  itemsErased: record.itemsErased,
  categoriesRebuilt: record.categories,
});

/**
 * GDPR-style erasure of a session's or a subject's memory. One transaction deletes the resources and
 * items, makes their categories due for consolidation at once (rebuilt without them), records the
 * erasure and emits, through the outbox, the removed vector labels (every replica drops them from its
 * index) and the record of the erasure, which names the scope and counts and never the content.
 */
@Controller()
export class ErasureController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(CONSOLIDATION_DELAY_MS) private readonly consolidationDelayMs: number,
  ) {}

  @OnQuery(Queries.EraseMemory)
  async erase(@Payload() request: EraseMemoryRequest, @Ctx() context: QueryContext) {
    const scope = erasureScopeOf(request);
    if (!scope.ok) return invalidInput(scope.problems);
    const tenantId = context.envelope.tenantId;
    const record = await inQueryTransaction(this.unitOfWork, Queries.EraseMemory, context, async (tx) => {
      const erased = await eraseScope(tx, tenantId, scope.value);
      await markCategoriesDirty(tx, tenantId, erased.categories, this.consolidationDelayMs);
      const record = await recordErasure(tx, tenantId, scope.value, erased);
      if (erased.removedLabels.length > 0) tx.emit(Events.VectorsChanged, { removedLabels: erased.removedLabels });
      tx.emit(Events.MemoryErased, { ...responseOf(record), scope: record.scope, scopeId: record.scopeId });
      return record;
    });
    return responseOf(record);
  }
}
