import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Queries } from '@sigil/catalog';
import { OnQuery, QueryContext } from '@sigil/messaging';
import type { CreateAgentRequest, GetAgentRequest } from '@sigil/schemas';
import { DataSource } from 'typeorm';

interface AgentRow {
  name: string;
  stratum: string;
  description: string;
  system_prompt: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const toAgent = (row: AgentRow) => ({
  name: row.name,
  stratum: row.stratum,
  description: row.description,
  systemPrompt: row.system_prompt,
  version: row.version,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const COLUMNS = 'name, stratum, description, system_prompt, version, created_at, updated_at';

/** The agent registry; the gateway validates input before asking. */
@Controller()
export class AgentsController {
  constructor(private readonly dataSource: DataSource) {}

  @OnQuery(Queries.CreateAgent)
  async create(@Payload() request: CreateAgentRequest, @Ctx() context: QueryContext) {
    const rows: AgentRow[] = await this.dataSource.query(
      `INSERT INTO evolution.agents (tenant_id, name, stratum, description, system_prompt) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, name) DO NOTHING RETURNING ${COLUMNS}`,
      [context.envelope.tenantId, request.name, request.stratum, request.description, request.systemPrompt],
    );
    if (rows.length === 0) return { error: { code: 'AGT_002', message: `agent '${request.name}' already exists`, status: 409 } };
    return { agent: toAgent(rows[0]) };
  }

  @OnQuery(Queries.GetAgent)
  async get(@Payload() request: GetAgentRequest, @Ctx() context: QueryContext) {
    const rows: AgentRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM evolution.agents WHERE tenant_id = $1 AND name = $2`, [
      context.envelope.tenantId,
      request.name,
    ]);
    if (rows.length === 0) return { error: { code: 'AGT_001', message: `agent '${request.name}' not found`, status: 404 } };
    return { agent: toAgent(rows[0]) };
  }
}
