import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Layer 2 of memory: discrete facts a tenant's agents remember. Resources (layer 1, the source a
 * fact was extracted from), categories (layer 3), embeddings and the vector index come later and
 * extend this table; `source_resource_id` is the hook for the first, without a foreign key yet.
 * The idempotency key makes a store exactly-once per tenant; the generated `search_vector` keeps
 * full-text search in step with the content without the application maintaining it.
 */
export class CreateMemoryItems1763700010000 implements MigrationInterface {
  name = 'CreateMemoryItems1763700010000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE memory.memory_items (
        tenant_id text NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        session_id text,
        category text NOT NULL,
        content text NOT NULL CHECK (char_length(content) BETWEEN 1 AND 10000),
        confidence double precision NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 0 AND 1),
        source_resource_id uuid,
        run_id text,
        idempotency_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX memory_items_idempotency_idx ON memory.memory_items (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await runner.query(`CREATE INDEX memory_items_search_idx ON memory.memory_items USING gin (search_vector)`);
    // The session filter, and erasing a session's items.
    await runner.query(`CREATE INDEX memory_items_session_idx ON memory.memory_items (tenant_id, session_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE memory.memory_items`);
  }
}
