import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { RunConfig, RunConfigDto } from './run-config.dto';

export const MAX_RUN_WAIT_MS = 120_000;

/** The top-level timeout_ms of every run request, told apart from config.timeout_ms. */
export const RUN_WAIT_DESCRIPTION =
  'How long this call waits for the run before answering 202 with an operation (default SIGIL_RUN_WAIT_MS, 30000); the run goes on. Its deadline is config.timeout_ms.';

/** POST /v7/agents/{name}/run */
export class RunAgentDto {
  @IsString()
  @Length(1, 100_000, { message: 'input must be 1-100000 characters' })
  input!: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/, { message: 'session_id must be 1-128 letters, digits, _ or -' })
  session_id?: string;

  /** Answer at once with 202 and an operation instead of waiting for the run to finish. */
  @IsOptional()
  @IsBoolean()
  async?: boolean;

  /** How long a synchronous call waits before turning into a 202; defaults to SIGIL_RUN_WAIT_MS. */
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(MAX_RUN_WAIT_MS)
  @JSONSchema({ description: RUN_WAIT_DESCRIPTION })
  timeout_ms?: number;

  @RunConfig()
  config?: RunConfigDto;
}
