import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queryable copies of what the run state holds, kept by the run repository's save: the agent,
 * the tokens spent and when the run finished (null while it runs). Existing rows are filled in
 * from their state the same way the repository computes them.
 */
export class AddRunQueryColumns1763700000200 implements MigrationInterface {
  name = 'AddRunQueryColumns1763700000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE planner.runs
        ADD COLUMN agent_name text,
        ADD COLUMN input_tokens bigint NOT NULL DEFAULT 0,
        ADD COLUMN output_tokens bigint NOT NULL DEFAULT 0,
        ADD COLUMN total_tokens bigint NOT NULL DEFAULT 0,
        ADD COLUMN finished_at timestamptz`);
    await runner.query(`
      UPDATE planner.runs AS runs SET
        agent_name = runs.state #>> '{request,agent,name}',
        input_tokens = (
          SELECT COALESCE(sum((step #>> '{tokens,inputTokens}')::numeric), 0)::bigint
          FROM jsonb_array_elements(COALESCE(runs.state -> 'steps', '[]'::jsonb)) AS step),
        output_tokens = (
          SELECT COALESCE(sum((step #>> '{tokens,outputTokens}')::numeric), 0)::bigint
          FROM jsonb_array_elements(COALESCE(runs.state -> 'steps', '[]'::jsonb)) AS step),
        finished_at = CASE
          WHEN runs.status IN ('completed', 'failed') AND runs.state ? 'finishedAtMs'
          THEN to_timestamp((runs.state ->> 'finishedAtMs')::numeric / 1000)
        END`);
    await runner.query(`UPDATE planner.runs SET total_tokens = input_tokens + output_tokens`);
    await runner.query(`CREATE INDEX runs_by_agent ON planner.runs (tenant_id, agent_name)`);
    await runner.query(`CREATE INDEX runs_by_finished_at ON planner.runs (tenant_id, finished_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX planner.runs_by_finished_at`);
    await runner.query(`DROP INDEX planner.runs_by_agent`);
    await runner.query(`
      ALTER TABLE planner.runs
        DROP COLUMN finished_at,
        DROP COLUMN total_tokens,
        DROP COLUMN output_tokens,
        DROP COLUMN input_tokens,
        DROP COLUMN agent_name`);
  }
}
