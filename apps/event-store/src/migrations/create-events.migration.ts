import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEvents1763700000400 implements MigrationInterface {
  name = 'CreateEvents1763700000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE event_store.events (
        position bigserial PRIMARY KEY,
        tenant_id text NOT NULL,
        event_id text NOT NULL,
        causation_id text,
        type text NOT NULL,
        subject text NOT NULL,
        source text NOT NULL,
        time timestamptz NOT NULL,
        session_id text,
        run_id text,
        stream text NOT NULL,
        stream_sequence bigint NOT NULL,
        headers jsonb NOT NULL,
        payload bytea NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (stream, stream_sequence)
      )`);
    await runner.query(`CREATE INDEX events_by_session ON event_store.events (tenant_id, session_id, time, position)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE event_store.events`);
  }
}
