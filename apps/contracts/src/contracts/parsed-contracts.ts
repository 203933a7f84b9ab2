import { type ContractJsonParse, parseContractJson } from './contract-json';

export const PARSED_CONTRACTS_CAPACITY = 500;

/**
 * Contract JSON parsed once per text. The lib compiles a validator per Contract object (validatorFor
 * keeps it in a WeakMap), so handing out the same object for the same JSON compiles each contract
 * version once instead of on every validation. Bounded: the least recently used goes first.
 * Only successful parses are kept; refusing a spec again is cheap and keeps junk out.
 */
export class ParsedContracts {
  private readonly byJson = new Map<string, Extract<ContractJsonParse, { ok: true }>>();

  constructor(private readonly capacity = PARSED_CONTRACTS_CAPACITY) {}

  parse(json: string): ContractJsonParse {
    const cached = this.byJson.get(json);
    if (cached) {
      this.byJson.delete(json);
      this.byJson.set(json, cached);
      return cached;
    }
    const parsed = parseContractJson(json);
    if (parsed.ok) {
      this.byJson.set(json, parsed);
      if (this.byJson.size > this.capacity) this.byJson.delete(this.byJson.keys().next().value as string);
    }
    return parsed;
  }
}
