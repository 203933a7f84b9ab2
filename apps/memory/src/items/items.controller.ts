import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Queries } from '@sigil/catalog';
import { OnQuery, QueryContext } from '@sigil/messaging';
import type { SearchMemoryRequest, StoreMemoryRequest } from '@sigil/schemas';
import { DataSource } from 'typeorm';
import { searchItems, storeItem } from './item-store';
import { invalidInput } from './memory-errors';
import { searchCriteriaOf } from './search-criteria';
import { newItemOf } from './store-request';

/** The memory_store and memory_search tools' queries; every statement stays within the caller's tenant. */
@Controller()
export class ItemsController {
  constructor(private readonly dataSource: DataSource) {}

  @OnQuery(Queries.StoreMemory)
  async store(@Payload() request: StoreMemoryRequest, @Ctx() context: QueryContext) {
    const item = newItemOf(request, context.envelope);
    if (!item.ok) return invalidInput(item.problems);
    return storeItem(this.dataSource, context.envelope.tenantId, item.value);
  }

  @OnQuery(Queries.SearchMemory)
  async search(@Payload() request: SearchMemoryRequest, @Ctx() context: QueryContext) {
    const criteria = searchCriteriaOf(request);
    if (!criteria.ok) return invalidInput(criteria.problems);
    return { items: await searchItems(this.dataSource, context.envelope.tenantId, criteria.value) };
  }
}
