import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotIn, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { STRATA } from '@sigil/routing';
import { PageQueryDto } from '../common/page-query.dto';
import { AGENT_TOKEN_BOUNDS } from '../runs/run-limits';

export const RESERVED_AGENT_NAMES = ['admin', 'system', 'root', 'api'];
export const AGENT_STATUSES = ['active', 'inactive'] as const;
export const SORTABLE_AGENT_FIELDS = ['name', 'stratum', 'status', 'created_at', 'updated_at', 'version'] as const;

/** An agent's `config`: the defaults its runs start from. */
export class AgentConfigDto {
  /** null (or absent on create) leaves the agent without a budget of its own. */
  @IsOptional()
  @IsInt()
  @Min(AGENT_TOKEN_BOUNDS.min)
  @Max(AGENT_TOKEN_BOUNDS.max)
  @JSONSchema((schema) => ({
    ...schema,
    type: ['integer', 'null'],
    description: "Token budget of each of the agent's runs unless the run request sets config.max_total_tokens; null means the platform default (SIGIL_RUN_TOKEN_BUDGET).",
  }))
  max_total_tokens?: number | null;
}

const AgentConfig = () => applyDecorators(IsOptional(), IsObject({ message: 'config must be a JSON object' }), ValidateNested(), Type(() => AgentConfigDto));

/** POST /v7/agents (API guidelines: input validation). */
export class CreateAgentDto {
  @IsString()
  @Length(3, 64, { message: 'Agent name must be 3-64 characters' })
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'Agent name must start with a lowercase letter and hold only lowercase letters, digits and underscores' })
  @IsNotIn(RESERVED_AGENT_NAMES, { message: 'Agent name is reserved' })
  name!: string;

  @IsIn(STRATA, { message: `Invalid stratum, must be one of: ${STRATA.join(', ')}` })
  stratum!: string;

  @IsString()
  @MaxLength(500)
  description!: string;

  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  system_prompt?: string;

  @AgentConfig()
  config?: AgentConfigDto;
}

/** PATCH /v7/agents/{name}: only the fields sent change; each update is a new version. */
export class UpdateAgentDto {
  @IsOptional()
  @IsIn(STRATA, { message: `Invalid stratum, must be one of: ${STRATA.join(', ')}` })
  stratum?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  system_prompt?: string;

  @IsOptional()
  @IsIn(AGENT_STATUSES, { message: `status must be one of: ${AGENT_STATUSES.join(', ')}` })
  status?: string;

  /** Only the config fields sent change; max_total_tokens null goes back to the platform default. */
  @AgentConfig()
  config?: AgentConfigDto;
}

/** GET /v7/agents: pagination, filters, `q` and `sort` of the guidelines. */
export class ListAgentsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(STRATA, { message: `Invalid stratum, must be one of: ${STRATA.join(', ')}` })
  stratum?: string;

  @IsOptional()
  @IsIn(AGENT_STATUSES, { message: `status must be one of: ${AGENT_STATUSES.join(', ')}` })
  status?: string;

  @IsOptional()
  @IsISO8601({}, { message: 'created_after must be an ISO 8601 date or date-time' })
  created_after?: string;

  @IsOptional()
  @IsISO8601({}, { message: 'created_before must be an ISO 8601 date or date-time' })
  created_before?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @IsOptional()
  @Type(() => String)
  @Matches(/^-?[a-z_]+(,-?[a-z_]+)*$/, { message: 'sort must be comma-separated field names, each optionally prefixed with -' })
  sort?: string;
}
