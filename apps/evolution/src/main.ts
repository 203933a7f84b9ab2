import 'reflect-metadata';
import { runService } from '@sigil/service-kit';
import { evolutionService } from './evolution.service';

await runService(evolutionService);
