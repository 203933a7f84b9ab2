import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { MAX_RUN_WAIT_MS, RUN_WAIT_DESCRIPTION } from './run-agent.dto';
import { RunConfig, RunConfigDto } from './run-config.dto';

export const FAILURE_STRATEGIES = ['retry', 'fallback', 'partial', 'template', 'escalate', 'fail'] as const;

/** POST /v7/contracts/execute: the spec's ExecutionRequest (§7.3). */
export class ExecutionRequestDto {
  /** The agent (its name) that does the task. */
  @IsString()
  @Length(1, 64)
  agent_id!: string;

  @IsString()
  @Length(1, 100_000, { message: 'task must be 1-100000 characters' })
  task!: string;

  /** A tenant contract or a template; give this or contract_spec. */
  @IsOptional()
  @IsString()
  @Length(1, 64)
  contract_name?: string;

  /** An inline contract in its wire form, checked by the contracts service. */
  @IsOptional()
  @IsObject()
  contract_spec?: Record<string, unknown>;

  /** Facts the agent should take into account, given to it after the task. */
  @IsOptional()
  @IsObject()
  context?: Record<string, unknown>;

  @IsOptional()
  @IsIn(FAILURE_STRATEGIES, { message: `force_strategy must be one of ${FAILURE_STRATEGIES.join(', ')}` })
  force_strategy?: (typeof FAILURE_STRATEGIES)[number];

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/, { message: 'session_id must be 1-128 letters, digits, _ or -' })
  session_id?: string;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(MAX_RUN_WAIT_MS)
  @JSONSchema({ description: RUN_WAIT_DESCRIPTION })
  timeout_ms?: number;

  @RunConfig()
  config?: RunConfigDto;
}
