import 'reflect-metadata';
import { runMigrations } from '@sigil/service-kit';
import { gatewayService } from './gateway.service';

await runMigrations(gatewayService);
