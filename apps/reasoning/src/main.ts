import 'reflect-metadata';
import { runService } from '@sigil/service-kit';
import { reasoningService } from './reasoning.service';

await runService(reasoningService);
