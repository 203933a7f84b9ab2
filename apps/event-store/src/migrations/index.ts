import { CreateEvents1763700000400 } from './create-events.migration';

export const EVENT_STORE_SCHEMA = 'event_store';
export const eventStoreMigrations = [CreateEvents1763700000400];
