import 'reflect-metadata';
import { runMigrations } from '@sigil/service-kit';
import { plannerService } from './planner.service';

await runMigrations(plannerService);
