import 'reflect-metadata';
import { runMigrations } from '@sigil/service-kit';
import { memoryService } from './memory.service';

await runMigrations(memoryService);
