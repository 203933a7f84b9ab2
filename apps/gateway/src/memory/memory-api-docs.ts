import { applyDecorators } from '@nestjs/common';
import { ApiParam, ApiResponse } from '@nestjs/swagger';
import { CATEGORY_PATTERN, MAX_ID_CHARS } from '@sigil/memory';
import { PageQueryDto } from '../common/page-query.dto';
import { DocumentedQuery } from '../openapi/api-docs.decorators';
import { problemResponse } from '../openapi/problem-schema';
import { SESSION_ID_PATTERN } from './memory-dtos';

const invalid = (what: string) =>
  ApiResponse({ status: 400, ...problemResponse(`Invalid ${what}: REQ_001 (validation_errors names each field) or MEM_001 (memory refused it; the detail says why)`) });

export const DocumentedResourceStored = () =>
  applyDecorators(
    ApiResponse({
      status: 202,
      description: 'Stored (the first time for a repeated Idempotency-Key); its facts are extracted asynchronously: GET the resource in Location until extraction_status is extracted or failed',
    }),
    invalid('resource'),
  );

export const DocumentedResourceRead = () =>
  applyDecorators(
    ApiParam({ name: 'id', schema: { type: 'string', format: 'uuid' }, description: 'The resource id from POST /v7/memory/resources' }),
    ApiResponse({ status: 200, description: 'The resource, its extraction_status and the ids of the items extracted from it' }),
    ApiResponse({ status: 404, ...problemResponse('MEM_404: the tenant has no resource with that id') }),
    invalid('resource id'),
  );

export const DocumentedSearch = () =>
  applyDecorators(ApiResponse({ status: 200, description: 'The best items for the query, best first, with score, category and source resource; mode_used tells rag from llm' }), invalid('search'));

export const DocumentedCategoryList = () =>
  applyDecorators(DocumentedQuery(PageQueryDto), ApiResponse({ status: 200, description: "The tenant's categories by name, with item counts, without summaries; pagination has the totals" }));

export const DocumentedCategoryRead = () =>
  applyDecorators(
    ApiParam({ name: 'name', schema: { type: 'string', pattern: CATEGORY_PATTERN.source } }),
    ApiResponse({ status: 200, description: "The category's summary (markdown, rebuilt by consolidation from its items), item count and last consolidation" }),
    ApiResponse({ status: 404, ...problemResponse('MEM_404: the tenant has no category of that name') }),
    invalid('category name'),
  );

export const DocumentedErasure = (scope: 'session' | 'subject') =>
  applyDecorators(
    ApiParam({
      name: 'id',
      schema: scope === 'session' ? { type: 'string', pattern: SESSION_ID_PATTERN.source } : { type: 'string', minLength: 1, maxLength: MAX_ID_CHARS },
      description: scope === 'session' ? 'The session whose memory is erased' : 'The data subject (subject_id of the resources) whose memory is erased',
    }),
    ApiResponse({
      status: 200,
      description: `The erasure record: the ${scope}'s resources, the items extracted from them and their vectors are gone (counts, never content); the categories named are rebuilt from what is left`,
    }),
    invalid(`${scope} id`),
  );
