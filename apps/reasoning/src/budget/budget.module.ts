import { Module } from '@nestjs/common';
import { RunBudgetLedger } from './run-budget-ledger';

@Module({ providers: [RunBudgetLedger], exports: [RunBudgetLedger] })
export class BudgetModule {}
