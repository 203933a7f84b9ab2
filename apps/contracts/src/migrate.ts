import 'reflect-metadata';
import { runMigrations } from '@sigil/service-kit';
import { contractsService } from './contracts.service';

await runMigrations(contractsService);
