import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Absent overrides are NULL; contract_json is kept as given, since it may not even be JSON. Dropped later (DropRunRequests). */
export const CREATE_RUN_REQUESTS = `
      CREATE TABLE contracts.run_requests (
        tenant_id text NOT NULL,
        run_id text NOT NULL,
        contract_name text,
        contract_json text,
        force_strategy text,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, run_id)
      )`;

/**
 * The tenants' contracts with every revision, the execute overrides of each run, and a snapshot of
 * each run's selected contract, so that a run is validated against what was selected even if the
 * contract changes meanwhile. Contract documents are `json`, not `jsonb`: it keeps the text as
 * written, so the API and the prompts show fields in the order the wire form gives them.
 */
export class CreateContractStore1763700000600 implements MigrationInterface {
  name = 'CreateContractStore1763700000600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contracts.contracts (
        tenant_id text NOT NULL,
        name text NOT NULL,
        revision integer NOT NULL,
        contract json NOT NULL,
        description text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, name)
      )`);
    // A revision belongs to its contract: deleting the contract deletes its history, so the name can start again at 1.
    await runner.query(`
      CREATE TABLE contracts.contract_revisions (
        tenant_id text NOT NULL,
        name text NOT NULL,
        revision integer NOT NULL,
        contract json NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, name, revision),
        FOREIGN KEY (tenant_id, name) REFERENCES contracts.contracts (tenant_id, name) ON DELETE CASCADE
      )`);
    await runner.query(CREATE_RUN_REQUESTS);
    await runner.query(`
      ALTER TABLE contracts.run_contracts
        ADD COLUMN contract json,
        ADD COLUMN inline_contract boolean NOT NULL DEFAULT false,
        ADD COLUMN token_budget integer NOT NULL DEFAULT 0,
        ADD COLUMN reason text NOT NULL DEFAULT '',
        ADD COLUMN selection_errors jsonb`);
    // Selections made before snapshots were kept name a contract this service can no longer vouch for.
    await runner.query(`
      UPDATE contracts.run_contracts
      SET selection_errors = jsonb_build_array(jsonb_build_object(
        'field', 'contract_name', 'rule', 'CV-009', 'expected', 'a contract snapshot', 'actual', contract_name,
        'message', 'CV-009 Internal execution error: the run was selected before contract snapshots were kept; request it again'))
      WHERE contract_name IS NOT NULL`);
    await runner.query(`ALTER TABLE contracts.validations RENAME COLUMN validated_at TO created_at`);
    await runner.query(`ALTER TABLE contracts.validations ADD COLUMN output json, ADD COLUMN inline_contract boolean NOT NULL DEFAULT false`);
    // Learning reads a tenant's recent validations of one named contract.
    await runner.query(`CREATE INDEX validations_learning_idx ON contracts.validations (tenant_id, contract_name, created_at DESC) WHERE NOT inline_contract`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX contracts.validations_learning_idx`);
    await runner.query(`ALTER TABLE contracts.validations DROP COLUMN inline_contract, DROP COLUMN output`);
    await runner.query(`ALTER TABLE contracts.validations RENAME COLUMN created_at TO validated_at`);
    await runner.query(`
      ALTER TABLE contracts.run_contracts
        DROP COLUMN selection_errors, DROP COLUMN reason, DROP COLUMN token_budget, DROP COLUMN inline_contract, DROP COLUMN contract`);
    await runner.query(`DROP TABLE contracts.run_requests`);
    await runner.query(`DROP TABLE contracts.contract_revisions`);
    await runner.query(`DROP TABLE contracts.contracts`);
  }
}
