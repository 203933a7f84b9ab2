import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateVerificationTables1763700000200 implements MigrationInterface {
  name = 'CreateVerificationTables1763700000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contracts.run_contracts (
        tenant_id text NOT NULL,
        run_id text NOT NULL,
        contract_name text,
        failure_strategy text NOT NULL,
        max_retries integer NOT NULL,
        required_fields jsonb NOT NULL,
        complexity double precision NOT NULL,
        selected_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, run_id)
      )`);
    await runner.query(`
      CREATE TABLE contracts.validations (
        tenant_id text NOT NULL,
        run_id text NOT NULL,
        attempt integer NOT NULL,
        contract_name text,
        is_valid boolean NOT NULL,
        errors jsonb NOT NULL,
        validated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, run_id, attempt)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE contracts.validations`);
    await runner.query(`DROP TABLE contracts.run_contracts`);
  }
}
