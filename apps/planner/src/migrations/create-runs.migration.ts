import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRuns1763700000100 implements MigrationInterface {
  name = 'CreateRuns1763700000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE planner.runs (
        tenant_id text NOT NULL,
        run_id text NOT NULL,
        session_id text NOT NULL,
        status text NOT NULL,
        state jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, run_id)
      )`);
    await runner.query(`CREATE INDEX runs_by_session ON planner.runs (tenant_id, session_id, created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE planner.runs`);
  }
}
