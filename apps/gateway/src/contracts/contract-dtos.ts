import { IsObject, IsOptional, IsString, Length, ValidateBy } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { PageQueryDto } from '../common/page-query.dto';
import type { FieldViolation } from '../common/problem';

/** GET /v7/contracts: pagination and `q` (a case-insensitive part of the name or description). */
export class ListContractsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}

/** GET /v7/templates/{name}/prompt-context: the task the prompt starts with (a placeholder when absent). */
export class PromptContextQueryDto {
  @IsOptional()
  @IsString()
  @Length(1, 10_000, { message: 'task must be 1-10000 characters' })
  task?: string;
}

/** Any JSON value, null included; only absence is refused. */
const IsPresent = (message: string) => ValidateBy({ name: 'isPresent', validator: { validate: (value) => value !== undefined, defaultMessage: () => message } });

/** POST /v7/contracts/validate: a contract by name or inline, and the output to check against it. */
export class ValidateOutputDto {
  @IsOptional()
  @IsString()
  @Length(1, 64, { message: 'contract_name must be 1-64 characters' })
  contract_name?: string;

  /** A contract in its wire form; the contracts service checks its specification. */
  @IsOptional()
  @IsObject({ message: 'contract must be a JSON object (a contract specification)' })
  @JSONSchema({ description: 'A contract in its wire (snake_case) form, as POST /v7/contracts takes it' })
  contract?: Record<string, unknown>;

  /** Any JSON value; a string is the raw text a model produced, in which the JSON object is looked for. */
  @IsPresent('output is required: the JSON value, or the raw model text, to check')
  @JSONSchema(() => ({ description: 'Any JSON value; a string is raw model text, in which the JSON object is looked for' }))
  output?: unknown;
}

export type ContractTarget = { name: string } | { contract: Record<string, unknown> };

/** Exactly one of contract_name and contract names the contract to check against. */
export function contractTarget(dto: Pick<ValidateOutputDto, 'contract_name' | 'contract'>): { target: ContractTarget } | { violation: FieldViolation } {
  if (dto.contract_name !== undefined && dto.contract !== undefined) return { violation: { field: 'contract', message: 'send either contract_name or an inline contract, not both' } };
  if (dto.contract_name !== undefined) return { target: { name: dto.contract_name } };
  if (dto.contract !== undefined) return { target: { contract: dto.contract } };
  return { violation: { field: 'contract_name', message: 'send contract_name or an inline contract' } };
}

/** A contract body is free-form nested JSON checked by the contracts service; the gateway checks the envelope only. */
export function contractBodyViolation(body: unknown, pathName?: string): FieldViolation | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { field: 'body', message: 'a contract must be a JSON object' };
  if (pathName !== undefined && (body as Record<string, unknown>).name !== pathName) {
    return { field: 'name', message: `name must be '${pathName}', the name in the path` };
  }
  return undefined;
}
