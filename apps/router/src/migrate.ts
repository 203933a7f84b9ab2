import 'reflect-metadata';
import { runMigrations } from '@sigil/service-kit';
import { routerService } from './router.service';

await runMigrations(routerService);
