import { type Contract, type ContractProblem, parseContract } from '@sigil/contracts';

export type ContractJsonParse = { ok: true; contract: Contract; versionGiven: boolean } | { ok: false; problems: ContractProblem[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A contract spec from the JSON text the API and run requests carry. Text that is not JSON is a
 * CV-001 problem at the root. `expectedName` (an update's path name) must be the body's name too:
 * renaming would orphan the contract's revisions and history. `versionGiven` tells an update
 * whether the caller chose the version or left it to the default.
 */
export function parseContractJson(text: string, expectedName?: string): ContractJsonParse {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', code: 'CV-001', message: `the contract is not JSON: ${(error as Error).message}` }] };
  }
  const parsed = parseContract(input);
  const problems = parsed.ok ? [] : [...parsed.problems];
  const name = isObject(input) ? input.name : undefined;
  if (expectedName !== undefined && typeof name === 'string' && name !== expectedName) {
    problems.push({ path: 'name', code: 'CV-001', message: `name must be '${expectedName}', the contract being updated, not '${name}'; create a new contract to use another name` });
  }
  if (!parsed.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, contract: parsed.contract, versionGiven: isObject(input) && input.version !== undefined };
}
