import { Body, Controller, Delete, Get, HttpCode, Param, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { pagination, PageQueryDto } from '../../common/page-query.dto';
import { Problems } from '../../common/problem';
import { principalOf } from '../principal';
import { RequireScopes } from '../route-access';
import { issueApiKey } from './api-key-secret';
import { ApiKeyStore } from './api-key-store';
import { apiKeyView } from './api-key-view';
import { CreateApiKeyDto } from './create-api-key.dto';
import { IdempotentPost } from '../../idempotency/idempotent-post';

/** Service-account keys of the caller's tenant; managing them takes `admin`, which holds every scope a key can get. */
@Controller('v7/api-keys')
@RequireScopes('admin')
export class ApiKeysController {
  constructor(private readonly store: ApiKeyStore) {}

  /** The plaintext key is in this response and nowhere else, ever. */
  @IdempotentPost()
  @HttpCode(201)
  async create(@Body() dto: CreateApiKeyDto, @Req() request: FastifyRequest) {
    const principal = principalOf(request);
    const expiresAt = dto.expires_at ? new Date(dto.expires_at) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw Problems.semantic('expires_at', 'expires_at must be in the future');
    const issued = issueApiKey();
    const key = await this.store.create(principal.tenantId, issued, {
      name: dto.name,
      scopes: dto.scopes,
      tier: principal.tier,
      createdBy: principal.subject,
      expiresAt,
    });
    return { ...apiKeyView(key), key: issued.plaintext };
  }

  @Get()
  async list(@Query() page: PageQueryDto, @Req() request: FastifyRequest) {
    const { keys, total } = await this.store.list(principalOf(request).tenantId, page.page, page.per_page);
    return { api_keys: keys.map(apiKeyView), pagination: pagination(page, total) };
  }

  /** Revoking is final; a revoked key stays listed with its revoked_at. */
  @Delete(':id')
  @HttpCode(204)
  async revoke(@Param('id') id: string, @Req() request: FastifyRequest): Promise<void> {
    const tenantId = principalOf(request).tenantId;
    if (!(await this.store.revoke(tenantId, id)) && !(await this.store.exists(tenantId, id))) throw Problems.apiKeyNotFound(id);
  }
}
