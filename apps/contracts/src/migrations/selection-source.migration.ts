import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which route message made a run's selection: a route redelivered after its selection was stored
 * announces it again, another route of the run does not (ADR 0012). Rows from before stay NULL.
 */
export class SelectionSource1763700000900 implements MigrationInterface {
  name = 'SelectionSource1763700000900';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE contracts.run_contracts ADD COLUMN selected_by text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE contracts.run_contracts DROP COLUMN selected_by`);
  }
}
