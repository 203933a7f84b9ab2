import 'reflect-metadata';
import { runService } from '@sigil/service-kit';
import { routerService } from './router.service';

await runService(routerService);
