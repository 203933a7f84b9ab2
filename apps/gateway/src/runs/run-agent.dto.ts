import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

/** POST /v7/agents/{name}/run */
export class RunAgentDto {
  @IsString()
  @Length(1, 100_000, { message: 'input must be 1-100000 characters' })
  input!: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/, { message: 'session_id must be 1-128 letters, digits, _ or -' })
  session_id?: string;

  /** Answer at once with 202 instead of waiting for the run to finish. */
  @IsOptional()
  @IsBoolean()
  async?: boolean;
}
