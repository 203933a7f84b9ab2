import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RequireScopes } from '../auth/route-access';
import { Cacheable } from '../caching/cacheable';
import { pagination } from '../common/page-query.dto';
import { Problems } from '../common/problem';
import { correlationFor } from '../common/request-correlation';
import { DocumentedQuery } from '../openapi/api-docs.decorators';
import { DocumentedContractExists, DocumentedContractNotFound, DocumentedContractWrite, DocumentedSpecProblems, DocumentedTemplateReadOnly } from './contract-api-docs';
import { contractBodyViolation, contractTarget, ListContractsQueryDto, ValidateOutputDto } from './contract-dtos';
import { contractView, validationView } from './contract-view';
import { ContractsClient } from './contracts.client';
import { IdempotentPost } from '../idempotency/idempotent-post';

/** A contract body is free-form JSON the contracts service checks; here only its envelope. */
function contractBody(body: unknown, pathName?: string): Record<string, unknown> {
  const violation = contractBodyViolation(body, pathName);
  if (violation) throw Problems.validation([violation]);
  return body as Record<string, unknown>;
}

@Controller('v7/contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsClient) {}

  /** The tenant's contracts (templates are at GET /v7/templates). */
  @Get()
  @RequireScopes('agents:read')
  @Cacheable(60)
  @DocumentedQuery(ListContractsQueryDto)
  async list(@Query() query: ListContractsQueryDto, @Req() request: FastifyRequest) {
    const { contracts, total } = await this.contracts.list(query, correlationFor(request));
    return { contracts: contracts.map(contractView), pagination: pagination(query, total) };
  }

  @IdempotentPost()
  @HttpCode(201)
  @RequireScopes('agents:write')
  @DocumentedContractWrite()
  @DocumentedContractExists()
  async create(@Body() body: Record<string, unknown>, @Req() request: FastifyRequest) {
    return contractView(await this.contracts.create(contractBody(body), correlationFor(request)));
  }

  /** Checks an output against a contract, by name or inline; a read: nothing is stored. */
  @IdempotentPost('validate')
  @HttpCode(200)
  @RequireScopes('agents:read')
  @DocumentedSpecProblems()
  @DocumentedContractNotFound()
  async validate(@Body() dto: ValidateOutputDto, @Req() request: FastifyRequest) {
    const choice = contractTarget(dto);
    if ('violation' in choice) throw Problems.validation([choice.violation]);
    return validationView(await this.contracts.validate(choice.target, dto.output, correlationFor(request)));
  }

  /** The tenant's contract of that name, or the template. */
  @Get(':name')
  @RequireScopes('agents:read')
  @Cacheable(300)
  @DocumentedContractNotFound()
  async get(@Param('name') name: string, @Req() request: FastifyRequest) {
    return contractView(await this.contracts.get(name, correlationFor(request)));
  }

  /** Replaces the contract: a new revision. The body's name must be the one in the path. */
  @Put(':name')
  @RequireScopes('agents:write')
  @DocumentedContractWrite()
  @DocumentedContractNotFound()
  @DocumentedTemplateReadOnly()
  async update(@Param('name') name: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest) {
    return contractView(await this.contracts.update(name, contractBody(body, name), correlationFor(request)));
  }

  @Delete(':name')
  @HttpCode(204)
  @RequireScopes('agents:write')
  @DocumentedContractNotFound()
  @DocumentedTemplateReadOnly()
  async delete(@Param('name') name: string, @Req() request: FastifyRequest): Promise<void> {
    await this.contracts.delete(name, correlationFor(request));
  }
}
