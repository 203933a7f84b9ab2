import { Controller, Get, Param, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RequireScopes } from '../auth/route-access';
import { Problems } from '../common/problem';
import { correlationFor } from '../common/request-correlation';
import { RunsClient } from '../runs/runs.client';
import { operationView } from './operation-view';

@Controller('v7/operations')
export class OperationsController {
  constructor(private readonly runs: RunsClient) {}

  /** Poll until `done`; `result` then holds what the synchronous call would have returned. */
  @Get(':id')
  @RequireScopes('agents:read')
  async get(@Param('id') id: string, @Req() request: FastifyRequest) {
    const run = await this.runs.find(id, correlationFor(request, { runId: id }));
    if (!run) throw Problems.operationNotFound(id);
    return operationView(run);
  }
}
