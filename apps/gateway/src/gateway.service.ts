import type { ServiceDefinition } from '@sigil/service-kit';
import { AgentsModule } from './agents/agents.module';
import { AuthModule } from './auth/auth.module';
import { BudgetModule } from './budget/budget.module';
import { HttpConventionsModule } from './common/http-conventions.module';
import { ContractsModule } from './contracts/contracts.module';
import { configureGatewayHttp } from './http-setup';
import { MemoryModule } from './memory/memory.module';
import { gatewayMigrations } from './migrations';
import { ObservabilityModule } from './observability/observability.module';
import { RunsModule } from './runs/runs.module';
import { SessionsModule } from './sessions/sessions.module';

/** The public /v7 API: authenticates, limits and validates, then talks to the other services over the bus only. */
export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  defaultPort: 8000,
  schema: 'gateway',
  migrations: gatewayMigrations,
  exactlyOnce: false,
  features: [AuthModule, HttpConventionsModule, ObservabilityModule, AgentsModule, RunsModule, SessionsModule, BudgetModule, ContractsModule, MemoryModule],
  configureHttp: configureGatewayHttp,
};
