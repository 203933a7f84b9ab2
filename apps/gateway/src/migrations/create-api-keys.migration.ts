import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiKeys1763700000400 implements MigrationInterface {
  name = 'CreateApiKeys1763700000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE gateway.api_keys (
        tenant_id text NOT NULL,
        id text PRIMARY KEY,
        name text NOT NULL,
        prefix text NOT NULL,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL,
        tier text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz
      )`);
    await runner.query(`CREATE INDEX api_keys_by_tenant ON gateway.api_keys (tenant_id, created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE gateway.api_keys`);
  }
}
