import { commonMistakes, type JsonObject, pickExemplars, type ValidationError, type ValidationRecord } from '@sigil/contracts';
import type { Sql } from '@sigil/persistence';

/** Mistakes and exemplars come from this many recent validations: recent runs say most about the contract as it now is. */
export const LEARNING_WINDOW = 100;

/** What the prompts learn from a tenant's history of one contract. */
export interface PromptLearning {
  commonMistakes: string[];
  exemplars: JsonObject[];
}

export interface ValidationTotals {
  validations: number;
  /** Share of validations that passed; null with none. */
  successRate: number | null;
}

export const NO_LEARNING: PromptLearning = { commonMistakes: [], exemplars: [] };

interface ValidationRow {
  is_valid: boolean;
  errors: ValidationError[];
  output: JsonObject | null;
  created_at: Date;
}

/**
 * Learning from runs held to a named contract (a template or the tenant's own). Inline contracts
 * are left out: their name is the caller's choice and may stand for a different shape each time.
 */
const HISTORY_OF = `FROM contracts.validations WHERE tenant_id = $1 AND contract_name = $2 AND NOT inline_contract`;

export async function recentLearning(sql: Sql, tenantId: string, contractName: string, nowMs: number): Promise<PromptLearning> {
  const rows = await sql.query<ValidationRow>(`SELECT is_valid, errors, output, created_at ${HISTORY_OF} ORDER BY created_at DESC LIMIT $3`, [
    tenantId,
    contractName,
    LEARNING_WINDOW,
  ]);
  const history: ValidationRecord[] = rows.map((row) => ({ isValid: row.is_valid, errors: row.errors, output: row.output, recordedAtMs: row.created_at.getTime() }));
  return { commonMistakes: commonMistakes(history).map((mistake) => mistake.text), exemplars: pickExemplars(history, { nowMs }) };
}

/** Over all of the contract's history, not just the learning window. */
export async function validationTotals(sql: Sql, tenantId: string, contractName: string): Promise<ValidationTotals> {
  const [row] = await sql.query<{ validations: string; passed: string }>(`SELECT count(*) AS validations, count(*) FILTER (WHERE is_valid) AS passed ${HISTORY_OF}`, [
    tenantId,
    contractName,
  ]);
  const validations = Number(row.validations);
  return { validations, successRate: validations === 0 ? null : Number(row.passed) / validations };
}
