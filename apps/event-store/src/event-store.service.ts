import type { ServiceDefinition } from '@sigil/service-kit';
import { EventsModule } from './events/events.module';
import { EVENT_STORE_SCHEMA, eventStoreMigrations } from './migrations';

/** The append-only store of every bus event. */
export const eventStoreService: ServiceDefinition = {
  name: 'event-store',
  defaultPort: 8107,
  schema: EVENT_STORE_SCHEMA,
  migrations: eventStoreMigrations,
  exactlyOnce: false,
  features: [EventsModule],
};
