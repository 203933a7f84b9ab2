import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import type { StoredContract } from '@sigil/schemas';
import type { FastifyRequest } from 'fastify';
import { RequireScopes } from '../auth/route-access';
import { Cacheable } from '../caching/cacheable';
import { Problems } from '../common/problem';
import { correlationFor } from '../common/request-correlation';
import { DocumentedQuery } from '../openapi/api-docs.decorators';
import { DocumentedContractNotFound } from './contract-api-docs';
import { PromptContextQueryDto } from './contract-dtos';
import { contractView, promptContextView } from './contract-view';
import { ContractsClient } from './contracts.client';

/** The ACTi templates: read-only contracts every tenant can use or copy. */
@Controller('v7/templates')
export class TemplatesController {
  constructor(private readonly contracts: ContractsClient) {}

  @Get()
  @RequireScopes('agents:read')
  @Cacheable(300)
  async list(@Req() request: FastifyRequest) {
    return { templates: (await this.contracts.templates(correlationFor(request))).map(contractView) };
  }

  @Get(':name')
  @RequireScopes('agents:read')
  @Cacheable(300)
  @DocumentedContractNotFound('CV-004: no template of that name')
  async get(@Param('name') name: string, @Req() request: FastifyRequest) {
    return contractView(templateNamed(await this.contracts.templates(correlationFor(request)), name));
  }

  /** The contract-aware prompt for a task, with what past validations taught (common mistakes, exemplars, success rate). */
  @Get(':name/prompt-context')
  @RequireScopes('agents:read')
  @Cacheable(60)
  @DocumentedQuery(PromptContextQueryDto)
  @DocumentedContractNotFound('CV-004: no template of that name')
  async promptContext(@Param('name') name: string, @Query() query: PromptContextQueryDto, @Req() request: FastifyRequest) {
    const correlation = correlationFor(request);
    const [templates, context] = await Promise.all([this.contracts.templates(correlation), this.contracts.promptContext(name, query.task, correlation)]);
    templateNamed(templates, name);
    return promptContextView(context);
  }
}

/** Only a template answers here: a tenant's contract of that name is at /v7/contracts/{name}. */
function templateNamed(templates: StoredContract[], name: string): StoredContract {
  const template = templates.find((candidate) => contractView(candidate).name === name);
  if (!template) throw Problems.templateNotFound(name);
  return template;
}
