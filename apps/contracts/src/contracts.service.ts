import type { ServiceDefinition } from '@sigil/service-kit';
import { ContractsModule } from './contracts/contracts.module';
import { LearningModule } from './learning/learning.module';
import { CONTRACTS_SCHEMA, contractsMigrations } from './migrations';
import { SelectionModule } from './selection/selection.module';
import { VerificationModule } from './verification/verification.module';

/** Contracts (CRUD, templates), each run's contract selection and output verification, and learning from validation history. */
export const contractsService: ServiceDefinition = {
  name: 'contracts',
  defaultPort: 8104,
  schema: CONTRACTS_SCHEMA,
  migrations: contractsMigrations,
  exactlyOnce: true,
  features: [ContractsModule, SelectionModule, VerificationModule, LearningModule],
};
