import 'reflect-metadata';
import { runMigrations } from '@sigil/service-kit';
import { evolutionService } from './evolution.service';

await runMigrations(evolutionService);
