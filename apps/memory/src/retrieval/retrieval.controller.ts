import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Queries } from '@sigil/catalog';
import { searchRequestOf } from '@sigil/memory';
import { OnQuery, QueryContext } from '@sigil/messaging';
import type { SearchMemoryRequest } from '@sigil/schemas';
import { invalidInput } from '../items/memory-errors';
import { MemoryRetrieval } from './memory-retrieval';

/** The memory_search tool's and the gateway's search, within the caller's tenant. */
@Controller()
export class RetrievalController {
  constructor(private readonly retrieval: MemoryRetrieval) {}

  @OnQuery(Queries.SearchMemory)
  async search(@Payload() request: SearchMemoryRequest, @Ctx() context: QueryContext) {
    const search = searchRequestOf(request);
    if (!search.ok) return invalidInput(search.problems);
    const { hits, modeUsed } = await this.retrieval.search(context.envelope.tenantId, search.value);
    return { items: hits, modeUsed };
  }
}
