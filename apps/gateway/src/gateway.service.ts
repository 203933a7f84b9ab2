import type { ServiceDefinition } from '@sigil/service-kit';
import { AgentsModule } from './agents/agents.module';
import { HttpConventionsModule } from './common/http-conventions.module';
import { RunsModule } from './runs/runs.module';
import { SessionsModule } from './sessions/sessions.module';

/** The public /v7 API; stateless but for its own schema (keys, idempotency later); talks to others over the bus only. */
export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  defaultPort: 8000,
  schema: 'gateway',
  migrations: [],
  exactlyOnce: false,
  features: [HttpConventionsModule, AgentsModule, RunsModule, SessionsModule],
};
