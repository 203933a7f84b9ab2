import 'reflect-metadata';
import { runService } from '@sigil/service-kit';
import { plannerService } from './planner.service';

await runService(plannerService);
