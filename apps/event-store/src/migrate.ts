import 'reflect-metadata';
import { runMigrations } from '@sigil/service-kit';
import { eventStoreService } from './event-store.service';

await runMigrations(eventStoreService);
