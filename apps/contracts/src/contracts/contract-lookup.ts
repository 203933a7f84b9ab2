import { type Contract, getTemplate } from '@sigil/contracts';
import type { Sql } from '@sigil/persistence';
import { findStoredContract } from './contract-repository';
import type { ParsedContracts } from './parsed-contracts';

/**
 * The contract a name means to a tenant: a template, else the tenant's own. Tenants cannot take a
 * template's name, so at most one exists, and templates need no query.
 */
export async function findContract(sql: Sql, parsed: ParsedContracts, tenantId: string, name: string): Promise<Contract | undefined> {
  const template = getTemplate(name);
  if (template) return template;
  const stored = await findStoredContract(sql, tenantId, name);
  if (!stored) return undefined;
  const reparsed = parsed.parse(stored.contract_json);
  // It parsed when it was stored; failing now means the lib became stricter, which is this service's fault (CV-009), not the caller's.
  if (!reparsed.ok) throw new Error(`stored contract ${name} no longer parses: ${reparsed.problems.map((problem) => problem.message).join('; ')}`);
  return reparsed.contract;
}
