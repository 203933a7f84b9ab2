import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The run's deadline as a column, for the deadline sweeper: a partial index holds only active runs
 * that have one (its predicate is the sweeper's, so the planner uses it). Existing rows take theirs
 * from the state, where runs requested before deadlines existed have none.
 */
export class AddRunDeadline1763700000300 implements MigrationInterface {
  name = 'AddRunDeadline1763700000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE planner.runs ADD COLUMN deadline_ms bigint`);
    await runner.query(`UPDATE planner.runs SET deadline_ms = NULLIF((state #>> '{request,deadlineMs}')::bigint, 0) WHERE state #>> '{request,deadlineMs}' IS NOT NULL`);
    await runner.query(`
      CREATE INDEX runs_by_deadline ON planner.runs (deadline_ms)
      WHERE status IN ('accepted', 'planning', 'running', 'validating') AND deadline_ms IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX planner.runs_by_deadline`);
    await runner.query(`ALTER TABLE planner.runs DROP COLUMN deadline_ms`);
  }
}
