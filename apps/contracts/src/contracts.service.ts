import type { ServiceDefinition } from '@sigil/service-kit';
import { CONTRACTS_SCHEMA, contractsMigrations } from './migrations';
import { VerificationModule } from './verification/verification.module';

/** Contract selection and output verification; owns contracts and validation history. */
export const contractsService: ServiceDefinition = {
  name: 'contracts',
  defaultPort: 8104,
  schema: CONTRACTS_SCHEMA,
  migrations: contractsMigrations,
  exactlyOnce: true,
  features: [VerificationModule],
};
