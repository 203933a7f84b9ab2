import 'reflect-metadata';
import { runService } from '@sigil/service-kit';
import { eventStoreService } from './event-store.service';

await runService(eventStoreService);
