import { CreateMemoryItems1763700010000 } from './create-memory-items.migration';
import { ExtendMemoryLayers1763700020000 } from './extend-memory-layers.migration';
import { SearchIndexWithoutPendingList1763700030000 } from './search-index-without-pending-list.migration';

export const MEMORY_SCHEMA = 'memory';
export const memoryMigrations = [CreateMemoryItems1763700010000, ExtendMemoryLayers1763700020000, SearchIndexWithoutPendingList1763700030000];
