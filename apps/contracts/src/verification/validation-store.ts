import type { Sql } from '@sigil/persistence';
import type { ValidationOutcome } from './output-verdict';

export interface ValidationRecordOfRun extends ValidationOutcome {
  runId: string;
  attempt: number;
  contractName: string | null;
  inline: boolean;
}

/** The learning history; a repeated request for the same attempt keeps the first result. */
export async function saveValidation(sql: Sql, tenantId: string, record: ValidationRecordOfRun): Promise<void> {
  await sql.query(
    `INSERT INTO contracts.validations (tenant_id, run_id, attempt, contract_name, inline_contract, is_valid, errors, output)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, run_id, attempt) DO NOTHING`,
    [
      tenantId,
      record.runId,
      record.attempt,
      record.contractName,
      record.inline,
      record.isValid,
      JSON.stringify(record.errors),
      record.output === null ? null : JSON.stringify(record.output),
    ],
  );
}
