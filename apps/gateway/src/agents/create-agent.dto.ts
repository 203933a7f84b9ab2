import { IsIn, IsNotIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { STRATA } from '@sigil/routing';

export const RESERVED_AGENT_NAMES = ['admin', 'system', 'root', 'api'];

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
