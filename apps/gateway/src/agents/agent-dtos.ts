import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsNotIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { STRATA } from '@sigil/routing';
import { PageQueryDto } from '../common/page-query.dto';

export const RESERVED_AGENT_NAMES = ['admin', 'system', 'root', 'api'];
export const AGENT_STATUSES = ['active', 'inactive'] as const;
export const SORTABLE_AGENT_FIELDS = ['name', 'stratum', 'status', 'created_at', 'updated_at', 'version'] as const;

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
