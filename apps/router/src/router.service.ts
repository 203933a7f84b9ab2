import type { ServiceDefinition } from '@sigil/service-kit';
import { RoutingModule } from './routing/routing.module';

/** Pure and fast: owns no tables, so its schema only holds the migrations table. */
export const routerService: ServiceDefinition = {
  name: 'router',
  defaultPort: 8101,
  schema: 'router',
  migrations: [],
  exactlyOnce: false,
  features: [RoutingModule],
};
