import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Selection reads the request's overrides from the route (ADR 0010): the stored run requests and
 * the routes that waited for them are no longer kept. `down` restores the empty tables.
 */
export class DropRunRequests1763700000800 implements MigrationInterface {
  name = 'DropRunRequests1763700000800';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE contracts.pending_routes`);
    await runner.query(`DROP TABLE contracts.run_requests`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contracts.run_requests (
        tenant_id text NOT NULL,
        run_id text NOT NULL,
        contract_name text,
        contract_json text,
        force_strategy text,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, run_id)
      )`);
    await runner.query(`
      CREATE TABLE contracts.pending_routes (
        tenant_id text NOT NULL,
        run_id text NOT NULL,
        route bytea NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, run_id)
      )`);
  }
}
