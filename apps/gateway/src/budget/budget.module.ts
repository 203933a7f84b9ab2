import { Module } from '@nestjs/common';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { BudgetController } from './budget.controller';
import { TokenBudget } from './token-budget';

@Module({ imports: [RateLimitsModule], controllers: [BudgetController], providers: [TokenBudget], exports: [TokenBudget] })
export class BudgetModule {}
