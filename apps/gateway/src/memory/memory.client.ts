import type { MessageInitShape } from '@bufbuild/protobuf';
import { Injectable } from '@nestjs/common';
import { Queries } from '@sigil/catalog';
import { QueryClient, type Correlation } from '@sigil/messaging';
import type { Category, EraseMemoryResponse, QueryError, Resource, SearchMemoryRequestSchema, SearchMemoryResponse, StoreResourceRequestSchema } from '@sigil/schemas';
import { orUnavailable } from '../common/or-unavailable';
import { memoryProblem, type MemorySubject } from './memory-problems';

/** Resources, items and categories live in the memory service; the gateway asks, always as the caller's tenant. */
@Injectable()
export class MemoryClient {
  constructor(private readonly queries: QueryClient) {}

  /** Stores the resource (once per idempotency key) and answers it as stored; extraction follows. */
  async storeResource(request: MessageInitShape<typeof StoreResourceRequestSchema>, correlation: Correlation): Promise<Resource> {
    const stored = await this.ask(() => this.queries.request(Queries.StoreResource, request, correlation));
    if (stored.error || !stored.resourceId) throw memoryProblem(stored.error, { input: 'body' });
    return this.resource(stored.resourceId, correlation);
  }

  async resource(resourceId: string, correlation: Correlation): Promise<Resource> {
    const reply = await this.ask(() => this.queries.request(Queries.GetResource, { resourceId }, correlation));
    return required(reply.resource, reply.error, { input: 'id', named: { kind: 'resource', name: resourceId } });
  }

  async search(request: MessageInitShape<typeof SearchMemoryRequestSchema>, correlation: Correlation): Promise<SearchMemoryResponse> {
    const reply = await this.ask(() => this.queries.request(Queries.SearchMemory, request, correlation));
    if (reply.error) throw memoryProblem(reply.error, { input: 'body' });
    return reply;
  }

  async categories(page: { page: number; per_page: number }, correlation: Correlation): Promise<{ categories: Category[]; total: number }> {
    const reply = await this.ask(() => this.queries.request(Queries.ListCategories, { page: page.page, perPage: page.per_page }, correlation));
    if (reply.error) throw memoryProblem(reply.error, { input: 'query' });
    return { categories: reply.categories, total: reply.total };
  }

  async category(name: string, correlation: Correlation): Promise<Category> {
    const reply = await this.ask(() => this.queries.request(Queries.GetCategory, { name }, correlation));
    return required(reply.category, reply.error, { input: 'name', named: { kind: 'category', name } });
  }

  /** Erases everything stored for the session or the subject: resources, their items and vectors. */
  async erase(scope: { sessionId: string } | { subjectId: string }, correlation: Correlation): Promise<EraseMemoryResponse> {
    const reply = await this.ask(() => this.queries.request(Queries.EraseMemory, scope, correlation));
    if (reply.error || !reply.erasureId) throw memoryProblem(reply.error, { input: 'id' });
    return reply;
  }

  private ask<T>(call: () => Promise<T>): Promise<T> {
    return orUnavailable('memory service', call);
  }
}

function required<T>(found: T | undefined, error: QueryError | undefined, subject: MemorySubject): T {
  if (found && !error) return found;
  throw memoryProblem(error, subject);
}
