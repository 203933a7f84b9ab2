import 'reflect-metadata';
import { runMigrations } from '@sigil/service-kit';
import { reasoningService } from './reasoning.service';

await runMigrations(reasoningService);
