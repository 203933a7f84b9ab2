import { messagingTablesMigration } from '../inbox-outbox/messaging-tables.migration';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export const FIXTURE_SCHEMA = 'fixture';

/** The state a fixture handler changes: one row per effect, so a double effect is countable. */
class CreateEffects1763700009000 implements MigrationInterface {
  name = 'CreateEffects1763700009000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE fixture.effects (
        tenant_id text NOT NULL,
        work_id text NOT NULL,
        worker text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE fixture.effects`);
  }
}

export const fixtureMigrations = [messagingTablesMigration(FIXTURE_SCHEMA), CreateEffects1763700009000];
