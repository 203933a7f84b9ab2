import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An agent's token budget per run; NULL leaves its runs at the platform default. Versions keep it too. */
export class AgentTokenBudget1763700020000 implements MigrationInterface {
  name = 'AgentTokenBudget1763700020000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE evolution.agents ADD COLUMN max_total_tokens bigint CONSTRAINT agents_max_total_tokens_check CHECK (max_total_tokens > 0)`);
    await runner.query(`ALTER TABLE evolution.agent_versions ADD COLUMN max_total_tokens bigint`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE evolution.agent_versions DROP COLUMN max_total_tokens`);
    await runner.query(`ALTER TABLE evolution.agents DROP COLUMN max_total_tokens`);
  }
}
