import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgents1763700000300 implements MigrationInterface {
  name = 'CreateAgents1763700000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE evolution.agents (
        tenant_id text NOT NULL,
        name text NOT NULL,
        stratum text NOT NULL,
        description text NOT NULL,
        system_prompt text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, name)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE evolution.agents`);
  }
}
