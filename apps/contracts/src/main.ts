import 'reflect-metadata';
import { runService } from '@sigil/service-kit';
import { contractsService } from './contracts.service';

await runService(contractsService);
