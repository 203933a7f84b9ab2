import type { ServiceDefinition } from '@sigil/service-kit';
import { CategoriesModule } from './categories/categories.module';
import { ErasureModule } from './erasure/erasure.module';
import { ExtractionModule } from './extraction/extraction.module';
import { ItemsModule } from './items/items.module';
import { MEMORY_SCHEMA, memoryMigrations } from './migrations';
import { RecallModule } from './recall/recall.module';
import { ResourcesModule } from './resources/resources.module';
import { RetrievalModule } from './retrieval/retrieval.module';
import { VectorIndexModule } from './vector-index/vector-index.module';

/**
 * Three-layer memory per tenant. Resources (layer 1: conversations, documents, configs,
 * transcripts, and every completed run) are stored whole; their facts are extracted by the model,
 * asynchronously, into items (layer 2) with a category, a confidence, an embedding and the resource
 * they came from; a burst of item changes marks their categories for one consolidation into a
 * markdown summary (layer 3). Retrieval fuses an approximate-nearest-neighbour vector index (each
 * replica's in-process HNSW projection of the items, or pgvector where the database has it) with
 * Postgres full-text search (rag), asks the model over summaries and items (llm), or escalates from
 * the first to the second (hybrid); the planner's recall uses it within a run's allowance. Erasing
 * a session or a subject removes its resources, items and vectors and rebuilds the categories.
 */
export const memoryService: ServiceDefinition = {
  name: 'memory',
  defaultPort: 8105,
  schema: MEMORY_SCHEMA,
  migrations: memoryMigrations,
  exactlyOnce: true,
  // The vector index is a projection kept from start, whether or not anything has searched yet.
  features: [ResourcesModule, ExtractionModule, ItemsModule, VectorIndexModule, CategoriesModule, RetrievalModule, RecallModule, ErasureModule],
};
