import { validatorFor } from '@sigil/contracts';
import { ParsedContracts } from './parsed-contracts';

const json = (name: string) => JSON.stringify({ name, description: 'd', deliverables: [{ name: 'answer', type: 'str', description: 'The answer' }] });

const contractOf = (cache: ParsedContracts, text: string) => {
  const parsed = cache.parse(text);
  if (!parsed.ok) throw new Error(`expected ${text} to parse`);
  return parsed.contract;
};

describe('parsed contracts', () => {
  it('given the same JSON twice, when parsed, then the same contract object comes back, so its validator is compiled once', () => {
    const cache = new ParsedContracts();
    const first = contractOf(cache, json('alpha'));
    const again = contractOf(cache, json('alpha'));
    expect(again).toBe(first);
    expect(validatorFor(again)).toBe(validatorFor(first));
  });

  it('given more contracts than it holds, when parsed, then the least recently used is dropped', () => {
    const cache = new ParsedContracts(2);
    const alpha = contractOf(cache, json('alpha'));
    const bravo = contractOf(cache, json('bravo'));
    contractOf(cache, json('alpha'));
    contractOf(cache, json('charlie'));
    expect(contractOf(cache, json('alpha'))).toBe(alpha);
    expect(contractOf(cache, json('bravo'))).not.toBe(bravo);
    expect(contractOf(cache, json('bravo'))).toEqual(bravo);
  });

  it('given an invalid spec, when parsed, then its problems come back every time', () => {
    const cache = new ParsedContracts();
    expect(cache.parse('[]')).toEqual({ ok: false, problems: [{ path: '', code: 'CV-001', message: 'a contract must be a JSON object' }] });
    expect(cache.parse('[]').ok).toBe(false);
  });
});
