import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { SCOPES, type Scope } from '../scopes';

/** POST /v7/api-keys */
export class CreateApiKeyDto {
  @IsString()
  @Length(1, 100, { message: 'name must be 1-100 characters' })
  name!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SCOPES, { each: true, message: `each scope must be one of: ${SCOPES.join(', ')}` })
  scopes!: Scope[];

  /** RFC 3339; omitted means the key does not expire until revoked. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expires_at must be an RFC 3339 date-time' })
  expires_at?: string;
}
