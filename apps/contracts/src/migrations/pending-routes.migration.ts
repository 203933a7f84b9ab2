import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A route decision that reached contracts before its run request: kept until the request comes. */
export class PendingRoutes1763700000700 implements MigrationInterface {
  name = 'PendingRoutes1763700000700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contracts.pending_routes (
        tenant_id text NOT NULL,
        run_id text NOT NULL,
        route bytea NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, run_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE contracts.pending_routes`);
  }
}
