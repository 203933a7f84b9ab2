import { Allow, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /v7/runs/{id}/review */
export class ReviewRunDto {
  @IsIn(['approve', 'reject'], { message: "decision must be 'approve' or 'reject'" })
  decision!: 'approve' | 'reject';

  /** The corrected output to approve instead of the one under review: JSON text or any JSON value. */
  @Allow()
  output?: unknown;

  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  note?: string;
}
