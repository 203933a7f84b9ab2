import 'reflect-metadata';
import { runService } from '@sigil/service-kit';
import { gatewayService } from './gateway.service';

await runService(gatewayService);
