import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { RUN_DEADLINE_BOUNDS, RUN_TOKEN_BOUNDS } from './run-limits';

/** `config` of a run request: what the run may spend and how long it may take. */
export class RunConfigDto {
  @IsOptional()
  @IsInt()
  @Min(RUN_TOKEN_BOUNDS.min)
  @Max(RUN_TOKEN_BOUNDS.max)
  @JSONSchema({ description: "The run's token budget over every model call of every step; defaults to the agent's, else SIGIL_RUN_TOKEN_BUDGET (256000). Exceeding it stops the run: 422 CTX_003." })
  max_total_tokens?: number;

  @IsOptional()
  @IsInt()
  @Min(RUN_DEADLINE_BOUNDS.min)
  @Max(RUN_DEADLINE_BOUNDS.max)
  @JSONSchema({ description: "The run's deadline in ms from acceptance, defaulting to SIGIL_RUN_DEADLINE_MS (300000); a run still going then is stopped: RUN_005. Not the top-level timeout_ms, which is how long the call waits." })
  timeout_ms?: number;
}

/** The `config` property of a run request, checked field by field (unknown fields are refused as at the top level). */
export const RunConfig = () => applyDecorators(IsOptional(), IsObject({ message: 'config must be a JSON object' }), ValidateNested(), Type(() => RunConfigDto));

/** The launcher's form of a request's config. */
export const runConfigOf = (config: RunConfigDto | undefined) => ({ maxTotalTokens: config?.max_total_tokens, timeoutMs: config?.timeout_ms });
