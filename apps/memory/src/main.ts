import 'reflect-metadata';
import { runService } from '@sigil/service-kit';
import { memoryService } from './memory.service';

await runService(memoryService);
