import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The other two layers of memory and the items' vectors. Resources (layer 1) keep the raw content
 * whole; items extracted from a resource point back at it and go with it when it is erased (the
 * cascade). An item's embedding is stored as little-endian float32 bytes; its `vector_label` is the
 * item's stable numeric label in every replica's in-process HNSW index. Categories (layer 3) hold
 * the consolidated summary: `dirty_since` batches a burst of item changes into one consolidation
 * and `lease_until` keeps two replicas from consolidating the same category. Erasures record what
 * was erased (counts and names, never content).
 */
export class ExtendMemoryLayers1763700020000 implements MigrationInterface {
  name = 'ExtendMemoryLayers1763700020000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE memory.resources (
        tenant_id text NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        resource_type text NOT NULL CHECK (resource_type IN ('conversation', 'document', 'config', 'transcript')),
        content text NOT NULL CHECK (char_length(content) BETWEEN 1 AND 200000),
        metadata jsonb NOT NULL DEFAULT '{}',
        session_id text,
        subject_id text,
        run_id text,
        idempotency_key text,
        extraction_status text NOT NULL DEFAULT 'pending' CHECK (extraction_status IN ('pending', 'extracted', 'failed')),
        extraction_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX resources_idempotency_idx ON memory.resources (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    // Erasing a session's or a subject's resources.
    await runner.query(`CREATE INDEX resources_session_idx ON memory.resources (tenant_id, session_id)`);
    await runner.query(`CREATE INDEX resources_subject_idx ON memory.resources (tenant_id, subject_id)`);

    await runner.query(`
      ALTER TABLE memory.memory_items
        ADD COLUMN subject_id text,
        ADD COLUMN embedding bytea,
        ADD COLUMN embedding_model text,
        ADD COLUMN vector_label bigint GENERATED ALWAYS AS IDENTITY,
        ADD CONSTRAINT memory_items_source_resource_fk FOREIGN KEY (tenant_id, source_resource_id)
          REFERENCES memory.resources (tenant_id, id) ON DELETE CASCADE`);
    await runner.query(`CREATE UNIQUE INDEX memory_items_vector_label_idx ON memory.memory_items (vector_label)`);
    await runner.query(`CREATE INDEX memory_items_category_idx ON memory.memory_items (tenant_id, category)`);
    await runner.query(`CREATE INDEX memory_items_source_resource_idx ON memory.memory_items (tenant_id, source_resource_id)`);
    await runner.query(`CREATE INDEX memory_items_subject_idx ON memory.memory_items (tenant_id, subject_id)`);
    await runner.query(`CREATE INDEX memory_items_created_idx ON memory.memory_items (tenant_id, created_at)`);

    await runner.query(`
      CREATE TABLE memory.categories (
        tenant_id text NOT NULL,
        name text NOT NULL,
        summary_markdown text NOT NULL DEFAULT '',
        item_count integer NOT NULL DEFAULT 0,
        last_consolidated_at timestamptz,
        dirty_since timestamptz,
        lease_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, name)
      )`);
    // Every replica's sweeper looks for due categories of any tenant each second.
    await runner.query(`CREATE INDEX categories_due_idx ON memory.categories (dirty_since) WHERE dirty_since IS NOT NULL`);

    await runner.query(`
      CREATE TABLE memory.erasures (
        tenant_id text NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        scope text NOT NULL CHECK (scope IN ('session', 'subject')),
        scope_id text NOT NULL,
        resources_erased int NOT NULL,
        items_erased int NOT NULL,
        categories_rebuilt text[] NOT NULL,
        erased_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE memory.erasures`);
    await runner.query(`DROP TABLE memory.categories`);
    await runner.query(`
      ALTER TABLE memory.memory_items
        DROP CONSTRAINT memory_items_source_resource_fk,
        DROP COLUMN vector_label,
        DROP COLUMN embedding_model,
        DROP COLUMN embedding,
        DROP COLUMN subject_id`);
    await runner.query(`DROP INDEX memory.memory_items_category_idx`);
    await runner.query(`DROP INDEX memory.memory_items_source_resource_idx`);
    await runner.query(`DROP INDEX memory.memory_items_created_idx`);
    await runner.query(`DROP TABLE memory.resources`);
  }
}
