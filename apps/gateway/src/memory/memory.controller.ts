import { Body, Controller, Delete, Get, Header, HttpCode, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { principalOf } from '../auth/principal';
import { RequireScopes } from '../auth/route-access';
import { Cacheable } from '../caching/cacheable';
import { pagination, PageQueryDto } from '../common/page-query.dto';
import { Problems } from '../common/problem';
import { correlationFor } from '../common/request-correlation';
import { IdempotentPost } from '../idempotency/idempotent-post';
import { DocumentedCategoryList, DocumentedCategoryRead, DocumentedErasure, DocumentedResourceRead, DocumentedResourceStored, DocumentedSearch } from './memory-api-docs';
import { pathParameterViolation, SearchMemoryDto, StoreResourceDto } from './memory-dtos';
import { resourceStorage, resourceStorageKey, searchRequest } from './memory-requests';
import { categoryView, erasureView, resourceView, searchView } from './memory-view';
import { MemoryClient } from './memory.client';

/** The path parameter, or a 400 naming it: an id of the wrong form names nothing the tenant has. */
function checkedPath(kind: Parameters<typeof pathParameterViolation>[0], value: string): string {
  const violation = pathParameterViolation(kind, value);
  if (violation) throw Problems.validation([violation]);
  return value;
}

const idempotencyKeyOf = (request: FastifyRequest) => {
  const key = request.headers['idempotency-key'] ?? request.headers['x-idempotency-key'];
  return typeof key === 'string' ? key : undefined;
};

/** The three memory layers: resources in, extracted items searched, category summaries read, and erasure. */
@Controller('v7/memory')
export class MemoryController {
  constructor(private readonly memory: MemoryClient) {}

  /** Stores a resource whole; its facts are extracted asynchronously (extraction_status). */
  @IdempotentPost('resources')
  @HttpCode(202)
  @RequireScopes('memory:write')
  @DocumentedResourceStored()
  async storeResource(@Body() dto: StoreResourceDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const key = resourceStorageKey(principalOf(request).subject, idempotencyKeyOf(request));
    const resource = await this.memory.storeResource(resourceStorage(dto, key), correlationFor(request, { sessionId: dto.session_id }));
    void reply.header('location', `/v7/memory/resources/${resource.resourceId}`);
    return resourceView(resource);
  }

  /** Not cacheable: its extraction_status is what a client polls. */
  @Get('resources/:id')
  @RequireScopes('memory:read')
  @DocumentedResourceRead()
  async resource(@Param('id') id: string, @Req() request: FastifyRequest) {
    return resourceView(await this.memory.resource(checkedPath('resource', id), correlationFor(request)));
  }

  /** A read: nothing is stored. Cacheable for 30 s as the API guidelines say (the same query gives the same answer). */
  @IdempotentPost('search')
  @HttpCode(200)
  @Header('Cache-Control', 'private, max-age=30')
  @RequireScopes('memory:read')
  @DocumentedSearch()
  async search(@Body() dto: SearchMemoryDto, @Req() request: FastifyRequest) {
    return searchView(await this.memory.search(searchRequest(dto), correlationFor(request, { sessionId: dto.filters?.session_id })));
  }

  /** The tenant's categories by name, without their summaries. */
  @Get('categories')
  @RequireScopes('memory:read')
  @Cacheable(10)
  @DocumentedCategoryList()
  async categories(@Query() page: PageQueryDto, @Req() request: FastifyRequest) {
    const { categories, total } = await this.memory.categories(page, correlationFor(request));
    return { categories: categories.map((category) => categoryView(category, false)), pagination: pagination(page, total) };
  }

  @Get('categories/:name')
  @RequireScopes('memory:read')
  @Cacheable(10)
  @DocumentedCategoryRead()
  async category(@Param('name') name: string, @Req() request: FastifyRequest) {
    return categoryView(await this.memory.category(checkedPath('category', name), correlationFor(request)), true);
  }

  /** Erases the session's memory (GDPR-style); answers the erasure record. */
  @Delete('sessions/:id')
  @RequireScopes('memory:write')
  @DocumentedErasure('session')
  async eraseSession(@Param('id') id: string, @Req() request: FastifyRequest) {
    const sessionId = checkedPath('session', id);
    return erasureView('session', sessionId, await this.memory.erase({ sessionId }, correlationFor(request, { sessionId })));
  }

  /** Erases everything stored about a person, across sessions: an administrator's act. */
  @Delete('subjects/:id')
  @RequireScopes('admin')
  @DocumentedErasure('subject')
  async eraseSubject(@Param('id') id: string, @Req() request: FastifyRequest) {
    const subjectId = checkedPath('subject', id);
    return erasureView('subject', subjectId, await this.memory.erase({ subjectId }, correlationFor(request)));
  }
}
