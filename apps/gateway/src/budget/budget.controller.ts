import { Controller, Get, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/principal';
import { RequireScopes } from '../auth/route-access';
import { correlationFor } from '../common/request-correlation';
import { TokenBudget } from './token-budget';

@Controller('v7/budget')
export class BudgetController {
  constructor(private readonly budget: TokenBudget) {}

  /** The caller's tenant: tokens used today and this minute against its tier. */
  @Get('status')
  @RequireScopes('agents:read')
  status(@Req() request: FastifyRequest) {
    return this.budget.status(principalOf(request), correlationFor(request));
  }
}
