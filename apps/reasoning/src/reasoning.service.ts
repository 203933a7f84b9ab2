import type { ServiceDefinition } from '@sigil/service-kit';
import { StepsModule } from './steps/steps.module';

/** Stateless: runs steps and streams tokens; owns no tables. */
export const reasoningService: ServiceDefinition = {
  name: 'reasoning',
  defaultPort: 8103,
  schema: 'reasoning',
  migrations: [],
  exactlyOnce: false,
  features: [StepsModule],
};
