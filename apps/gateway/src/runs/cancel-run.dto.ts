import { IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /v7/runs/{id}/cancel; the body is optional. */
export class CancelRunDto {
  /** Why, for the run's record (RunCancelled.reason). */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
