import { Injectable } from '@nestjs/common';
import type { Contract } from '@sigil/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Sql } from '@sigil/persistence';
import type { ListCriteria } from './contract-list';
import { type StoredContractRow, wireJsonOf } from './contract-replies';

// ::text returns the json column as written; the pg driver would parse it into an object otherwise.
const COLUMNS = 'name, revision, contract::text AS contract_json, created_at, updated_at';

/** A tenant's contract as it now is; shared with the event handlers, which read through their transaction. */
export async function findStoredContract(sql: Sql, tenantId: string, name: string): Promise<StoredContractRow | undefined> {
  const [row] = await sql.query<StoredContractRow>(`SELECT ${COLUMNS} FROM contracts.contracts WHERE tenant_id = $1 AND name = $2`, [tenantId, name]);
  return row;
}

/** Copies the contract as it now is into its revisions. */
async function recordRevision(manager: EntityManager, tenantId: string, name: string): Promise<void> {
  await manager.query(
    `INSERT INTO contracts.contract_revisions (tenant_id, name, revision, contract, created_at)
     SELECT tenant_id, name, revision, contract, updated_at FROM contracts.contracts WHERE tenant_id = $1 AND name = $2`,
    [tenantId, name],
  );
}

/** The tenants' contracts and their revisions; every statement is scoped to the caller's tenant. */
@Injectable()
export class ContractRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(tenantId: string, name: string): Promise<StoredContractRow | undefined> {
    return findStoredContract(this.dataSource, tenantId, name);
  }

  /** The new contract at revision 1, or undefined when the tenant already has one by that name. */
  create(tenantId: string, contract: Contract): Promise<StoredContractRow | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const rows: StoredContractRow[] = await manager.query(
        `INSERT INTO contracts.contracts (tenant_id, name, revision, contract, description) VALUES ($1, $2, 1, $3, $4)
         ON CONFLICT (tenant_id, name) DO NOTHING RETURNING ${COLUMNS}`,
        [tenantId, contract.name, wireJsonOf(contract), contract.description],
      );
      if (rows.length === 0) return undefined;
      await recordRevision(manager, tenantId, contract.name);
      return rows[0];
    });
  }

  /** One page of the matching contracts by name, and how many match in all. */
  async list(tenantId: string, criteria: ListCriteria): Promise<{ rows: StoredContractRow[]; total: number }> {
    const parameters: unknown[] = [tenantId];
    let where = 'tenant_id = $1';
    if (criteria.contains !== undefined) {
      parameters.push(criteria.contains);
      where += ` AND (name ILIKE $2 ESCAPE '\\' OR description ILIKE $2 ESCAPE '\\')`;
    }
    const [rows, counted] = await Promise.all([
      this.dataSource.query<StoredContractRow[]>(
        `SELECT ${COLUMNS} FROM contracts.contracts WHERE ${where} ORDER BY name LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
        [...parameters, criteria.page.limit, criteria.page.offset],
      ),
      this.dataSource.query<{ total: string }[]>(`SELECT count(*) AS total FROM contracts.contracts WHERE ${where}`, parameters),
    ]);
    return { rows, total: Number(counted[0].total) };
  }

  /**
   * Stores `revise(current)` as the next revision, or returns undefined when there is no such
   * contract. The row stays locked from read to write, so concurrent updates queue and each gets
   * its own revision (and sees the version the previous one stored).
   */
  update(tenantId: string, name: string, revise: (current: StoredContractRow) => Contract): Promise<StoredContractRow | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [current]: StoredContractRow[] = await manager.query(`SELECT ${COLUMNS} FROM contracts.contracts WHERE tenant_id = $1 AND name = $2 FOR UPDATE`, [tenantId, name]);
      if (!current) return undefined;
      const revised = revise(current);
      // clock_timestamp, not now(): an update that waited for the lock must not predate the revision before it.
      // TypeORM answers UPDATE with [rows, affected count].
      const [updated]: [StoredContractRow[], number] = await manager.query(
        `UPDATE contracts.contracts SET revision = revision + 1, contract = $3, description = $4, updated_at = clock_timestamp()
         WHERE tenant_id = $1 AND name = $2 RETURNING ${COLUMNS}`,
        [tenantId, name, wireJsonOf(revised), revised.description],
      );
      await recordRevision(manager, tenantId, name);
      return updated[0];
    });
  }

  /** Deletes the contract and, by the foreign key's cascade, its revisions; false when there was none. */
  async delete(tenantId: string, name: string): Promise<boolean> {
    const [, deleted]: [unknown[], number] = await this.dataSource.query(`DELETE FROM contracts.contracts WHERE tenant_id = $1 AND name = $2`, [tenantId, name]);
    return deleted > 0;
  }
}
