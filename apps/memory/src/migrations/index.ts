import { CreateMemoryItems1763700010000 } from './create-memory-items.migration';

export const MEMORY_SCHEMA = 'memory';
export const memoryMigrations = [CreateMemoryItems1763700010000];
