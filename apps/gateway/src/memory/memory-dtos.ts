import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, isUUID, length, Length, Matches, Max, Min, ValidateBy, ValidateNested, type ValidationArguments } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { CATEGORY_PATTERN, DEFAULT_K, DEFAULT_SEARCH_MODE, MAX_ID_CHARS, MAX_K, MAX_QUERY_CHARS, parseRfc3339, SEARCH_MODES } from '@sigil/memory';
import type { FieldViolation } from '../common/problem';

// memory's own resource rules (apps/memory/src/resources/resource-request.ts), checked here first.
export const RESOURCE_TYPES = ['conversation', 'document', 'config', 'transcript'] as const;
export const MAX_RESOURCE_CHARS = 200_000;
export const MAX_METADATA_BYTES = 16_384;
/** A run's session id, as POST /v7/agents/{name}/run takes it: resources and items of a session are erased with it. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

const SESSION_ID_MESSAGE = 'session_id must be 1-128 letters, digits, _ or -';
const SUBJECT_ID_MESSAGE = `subject_id must be 1-${MAX_ID_CHARS} characters`;
const CATEGORY_MESSAGE = 'lower-case letters, digits, _ and -, starting with a letter, at most 64';

/** A value whose JSON fits in `maxBytes` of UTF-8 (whether it is an object is IsObject's to say). */
const IsJsonWithin = (maxBytes: number) =>
  ValidateBy({
    name: 'isJsonWithin',
    constraints: [maxBytes],
    validator: {
      validate: (value) => Buffer.byteLength(JSON.stringify(value) ?? '') <= maxBytes,
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be at most ${maxBytes} bytes of JSON`,
    },
  });

/** An RFC 3339 timestamp of a real date, as memory reads it. */
const IsTimestamp = (field: string) =>
  ValidateBy({
    name: 'isRfc3339Timestamp',
    validator: {
      validate: (value) => typeof value === 'string' && parseRfc3339(value) !== undefined,
      defaultMessage: () => `${field} must be an RFC 3339 timestamp (e.g. 2026-01-31T09:30:00Z)`,
    },
  });

/** Later than the time named by `field` on the same object (when both are timestamps). */
const IsAfterField = (field: string) =>
  ValidateBy({
    name: 'isAfterField',
    constraints: [field],
    validator: {
      validate: (value, args?: ValidationArguments) => {
        const earlier = (args?.object as Record<string, unknown> | undefined)?.[field];
        const [start, end] = [typeof earlier === 'string' ? parseRfc3339(earlier) : undefined, typeof value === 'string' ? parseRfc3339(value) : undefined];
        return !start || !end || end.getTime() > start.getTime();
      },
      defaultMessage: (args?: ValidationArguments) => `${args?.property} must be later than ${field}`,
    },
  });

/** Not only whitespace: memory trims what it reads. */
const NotBlank = (field: string) => Matches(/\S/, { message: `${field} must not be blank` });

/** POST /v7/memory/resources: a raw resource (layer 1), stored whole; its facts are extracted afterwards. */
export class StoreResourceDto {
  @IsIn(RESOURCE_TYPES, { message: `resource_type must be one of: ${RESOURCE_TYPES.join(', ')}` })
  resource_type!: string;

  @IsString()
  @Length(1, MAX_RESOURCE_CHARS, { message: `content must be 1-${MAX_RESOURCE_CHARS} characters` })
  @NotBlank('content')
  content!: string;

  @IsOptional()
  @IsObject({ message: 'metadata must be a JSON object' })
  @IsJsonWithin(MAX_METADATA_BYTES)
  // A function replaces the generated schema, which would point the custom rule at a schema named Object.
  @JSONSchema(() => ({ type: 'object', description: `The caller's own facts about the resource (source, author, …): a JSON object of at most ${MAX_METADATA_BYTES} bytes` }))
  metadata?: Record<string, unknown>;

  @IsOptional()
  @Matches(SESSION_ID_PATTERN, { message: SESSION_ID_MESSAGE })
  session_id?: string;

  /** The person the resource is about: DELETE /v7/memory/subjects/{id} erases everything stored for them. */
  @IsOptional()
  @IsString()
  @Length(1, MAX_ID_CHARS, { message: SUBJECT_ID_MESSAGE })
  @JSONSchema({ description: 'The data subject (a person) the resource is about, for erasure' })
  subject_id?: string;
}

/** The `filters` of a search: every one narrows it; the tenant is always the caller's. */
export class SearchFiltersDto {
  @IsOptional()
  @Matches(SESSION_ID_PATTERN, { message: SESSION_ID_MESSAGE })
  session_id?: string;

  @IsOptional()
  @Matches(CATEGORY_PATTERN, { message: `category must be ${CATEGORY_MESSAGE}` })
  category?: string;

  @IsOptional()
  @IsTimestamp('created_after')
  @JSONSchema(() => ({ type: 'string', format: 'date-time', description: 'Only items created after this time' }))
  created_after?: string;

  @IsOptional()
  @IsTimestamp('created_before')
  @IsAfterField('created_after')
  @JSONSchema(() => ({ type: 'string', format: 'date-time', description: 'Only items created before this time; later than created_after' }))
  created_before?: string;
}

/** POST /v7/memory/search */
export class SearchMemoryDto {
  @IsString()
  @Length(1, MAX_QUERY_CHARS, { message: `query must be 1-${MAX_QUERY_CHARS} characters` })
  @NotBlank('query')
  query!: string;

  @IsOptional()
  @IsIn(SEARCH_MODES, { message: `mode must be one of: ${SEARCH_MODES.join(', ')}` })
  @JSONSchema({
    default: DEFAULT_SEARCH_MODE,
    description: 'rag: vector and full-text search; llm: the model reads category summaries, then items; hybrid: rag, escalating to llm when the best score is below SIGIL_MEMORY_HYBRID_THRESHOLD',
  })
  mode?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_K)
  @JSONSchema({ default: DEFAULT_K, description: 'How many results at most' })
  k?: number;

  @IsOptional()
  @IsObject({ message: 'filters must be a JSON object' })
  @ValidateNested()
  @Type(() => SearchFiltersDto)
  filters?: SearchFiltersDto;
}

const PATH_RULES = {
  resource: { field: 'id', valid: (value: string) => isUUID(value), rule: 'a resource id (a UUID)' },
  session: { field: 'id', valid: (value: string) => SESSION_ID_PATTERN.test(value), rule: '1-128 letters, digits, _ or -' },
  subject: { field: 'id', valid: (value: string) => length(value, 1, MAX_ID_CHARS), rule: `1-${MAX_ID_CHARS} characters` },
  category: { field: 'name', valid: (value: string) => CATEGORY_PATTERN.test(value), rule: CATEGORY_MESSAGE },
};

/** A path parameter checked as a body's field of its kind is: the violation, if any. */
export function pathParameterViolation(kind: keyof typeof PATH_RULES, value: string): FieldViolation | undefined {
  const { field, valid, rule } = PATH_RULES[kind];
  return valid(value) ? undefined : { field, message: `${field} must be ${rule}` };
}
