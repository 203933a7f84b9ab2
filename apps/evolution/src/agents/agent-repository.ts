import { Injectable } from '@nestjs/common';
import type { Agent } from '@sigil/schemas';
import { DataSource, type EntityManager } from 'typeorm';
import type { PageWindow } from '@sigil/persistence';
import type { AgentChanges, ListCriteria, NewAgent } from './agent-requests';

type AgentFields = Omit<Agent, '$typeName' | '$unknown'>;

interface AgentRow {
  name: string;
  stratum: string;
  description: string;
  system_prompt: string;
  status: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** bigint, which pg reads as text; NULL when the agent has no budget of its own. */
  max_total_tokens: string | null;
}

const COLUMNS = 'name, stratum, description, system_prompt, status, version, created_at, updated_at, max_total_tokens';

const toAgent = (row: AgentRow): AgentFields => ({
  name: row.name,
  stratum: row.stratum,
  description: row.description,
  systemPrompt: row.system_prompt,
  status: row.status,
  version: row.version,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  maxTotalTokens: BigInt(row.max_total_tokens ?? 0),
});

/** Copies the agent as it now is into its history; its updated_at is when that version was made. */
async function recordVersion(manager: EntityManager, tenantId: string, name: string): Promise<void> {
  await manager.query(
    `INSERT INTO evolution.agent_versions (tenant_id, name, version, stratum, description, system_prompt, status, max_total_tokens, created_at)
     SELECT tenant_id, name, version, stratum, description, system_prompt, status, max_total_tokens, updated_at
     FROM evolution.agents WHERE tenant_id = $1 AND name = $2`,
    [tenantId, name],
  );
}

/** The WHERE clause of a list, every value a parameter; $1 is always the tenant. */
function listFilter(tenantId: string, criteria: ListCriteria): { where: string; parameters: unknown[] } {
  const conditions = ['tenant_id = $1'];
  const parameters: unknown[] = [tenantId];
  const add = (value: string | undefined, condition: (placeholder: string) => string) => {
    if (value === undefined) return;
    parameters.push(value);
    conditions.push(condition(`$${parameters.length}`));
  };
  add(criteria.stratum, (p) => `stratum = ${p}`);
  add(criteria.status, (p) => `status = ${p}`);
  add(criteria.createdAfter, (p) => `created_at >= ${p}::timestamptz`);
  add(criteria.createdBefore, (p) => `created_at < ${p}::timestamptz`);
  add(criteria.contains, (p) => `(name ILIKE ${p} ESCAPE '\\' OR description ILIKE ${p} ESCAPE '\\')`);
  return { where: conditions.join(' AND '), parameters };
}

/** The agent registry's SQL; every statement is scoped to the caller's tenant. */
@Injectable()
export class AgentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The new agent at version 1, or undefined when the tenant already has one by that name. */
  create(tenantId: string, agent: NewAgent): Promise<AgentFields | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const rows: AgentRow[] = await manager.query(
        `INSERT INTO evolution.agents (tenant_id, name, stratum, description, system_prompt, max_total_tokens) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, name) DO NOTHING RETURNING ${COLUMNS}`,
        [tenantId, agent.name, agent.stratum, agent.description, agent.systemPrompt, agent.maxTotalTokens?.toString() ?? null],
      );
      if (rows.length === 0) return undefined;
      await recordVersion(manager, tenantId, agent.name);
      return toAgent(rows[0]);
    });
  }

  async get(tenantId: string, name: string): Promise<AgentFields | undefined> {
    const rows: AgentRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM evolution.agents WHERE tenant_id = $1 AND name = $2`, [tenantId, name]);
    return rows.length === 0 ? undefined : toAgent(rows[0]);
  }

  /** One page of the matching agents and how many match in all. */
  async list(tenantId: string, criteria: ListCriteria): Promise<{ agents: AgentFields[]; total: number }> {
    const { where, parameters } = listFilter(tenantId, criteria);
    const { limit, offset } = criteria.page;
    const [rows, counted] = await Promise.all([
      this.dataSource.query<AgentRow[]>(
        `SELECT ${COLUMNS} FROM evolution.agents WHERE ${where}
         ORDER BY ${criteria.orderBy} LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
        [...parameters, limit, offset],
      ),
      this.dataSource.query<{ total: string }[]>(`SELECT count(*) AS total FROM evolution.agents WHERE ${where}`, parameters),
    ]);
    return { agents: rows.map(toAgent), total: Number(counted[0].total) };
  }

  /**
   * Applies the changes as the next version, or returns undefined when there is no such agent. The
   * row stays locked from read to write, so concurrent updates queue and each gets its own version.
   */
  update(tenantId: string, name: string, changes: AgentChanges): Promise<AgentFields | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const locked: AgentRow[] = await manager.query(`SELECT ${COLUMNS} FROM evolution.agents WHERE tenant_id = $1 AND name = $2 FOR UPDATE`, [tenantId, name]);
      if (locked.length === 0) return undefined;
      const current = locked[0];
      // clock_timestamp, not now(): an update that waited for the lock must not predate the version before it.
      // TypeORM answers UPDATE and DELETE with [rows, affected count].
      const [updated]: [AgentRow[], number] = await manager.query(
        `UPDATE evolution.agents SET stratum = $3, description = $4, system_prompt = $5, status = $6, version = $7, max_total_tokens = $8, updated_at = clock_timestamp()
         WHERE tenant_id = $1 AND name = $2 RETURNING ${COLUMNS}`,
        [
          tenantId,
          name,
          changes.stratum ?? current.stratum,
          changes.description ?? current.description,
          changes.systemPrompt ?? current.system_prompt,
          changes.status ?? current.status,
          current.version + 1,
          // undefined keeps the budget, null clears it.
          changes.maxTotalTokens === undefined ? current.max_total_tokens : (changes.maxTotalTokens?.toString() ?? null),
        ],
      );
      await recordVersion(manager, tenantId, name);
      return toAgent(updated[0]);
    });
  }

  /** Deletes the agent and, by the foreign key's cascade, its versions; false when there was none. */
  async delete(tenantId: string, name: string): Promise<boolean> {
    const [, deleted]: [unknown[], number] = await this.dataSource.query(`DELETE FROM evolution.agents WHERE tenant_id = $1 AND name = $2`, [tenantId, name]);
    return deleted > 0;
  }

  /** One page of the agent's versions, newest first, or undefined when there is no such agent. */
  async versions(tenantId: string, name: string, page: PageWindow): Promise<{ versions: AgentFields[]; total: number } | undefined> {
    const agents: { created_at: Date; total: string }[] = await this.dataSource.query(
      `SELECT created_at, (SELECT count(*) FROM evolution.agent_versions WHERE tenant_id = $1 AND name = $2) AS total
       FROM evolution.agents WHERE tenant_id = $1 AND name = $2`,
      [tenantId, name],
    );
    if (agents.length === 0) return undefined;
    const rows: Omit<AgentRow, 'updated_at'>[] = await this.dataSource.query(
      `SELECT name, stratum, description, system_prompt, status, version, max_total_tokens, created_at FROM evolution.agent_versions
       WHERE tenant_id = $1 AND name = $2 ORDER BY version DESC LIMIT $3 OFFSET $4`,
      [tenantId, name, page.limit, page.offset],
    );
    const [agent] = agents;
    return {
      versions: rows.map((row) => toAgent({ ...row, created_at: agent.created_at, updated_at: row.created_at })),
      total: Number(agent.total),
    };
  }
}
