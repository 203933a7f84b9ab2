import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgentStatusAndVersions1763700000500 implements MigrationInterface {
  name = 'AgentStatusAndVersions1763700000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE evolution.agents
        ADD COLUMN status text NOT NULL DEFAULT 'active' CONSTRAINT agents_status_check CHECK (status IN ('active', 'inactive'))`);
    // Listing pages through a tenant's agents in creation order by default.
    await runner.query(`CREATE INDEX agents_tenant_created_idx ON evolution.agents (tenant_id, created_at, name)`);
    // A version belongs to its agent: deleting the agent deletes its history.
    await runner.query(`
      CREATE TABLE evolution.agent_versions (
        tenant_id text NOT NULL,
        name text NOT NULL,
        version integer NOT NULL,
        stratum text NOT NULL,
        description text NOT NULL,
        system_prompt text NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, name, version),
        FOREIGN KEY (tenant_id, name) REFERENCES evolution.agents (tenant_id, name) ON DELETE CASCADE
      )`);
    // Agents created before versions were kept start their history at their current state.
    await runner.query(`
      INSERT INTO evolution.agent_versions (tenant_id, name, version, stratum, description, system_prompt, status, created_at)
      SELECT tenant_id, name, version, stratum, description, system_prompt, status, updated_at FROM evolution.agents`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE evolution.agent_versions`);
    await runner.query(`DROP INDEX evolution.agents_tenant_created_idx`);
    await runner.query(`ALTER TABLE evolution.agents DROP COLUMN status`);
  }
}
