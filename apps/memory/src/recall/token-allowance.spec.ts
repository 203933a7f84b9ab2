import { create } from '@bufbuild/protobuf';
import { MemoryHitSchema } from '@sigil/schemas';
import { withinAllowance } from './token-allowance';

/** A hit whose content is `tokens` tokens long (4 characters each). */
const hit = (itemId: string, tokens: number) => create(MemoryHitSchema, { itemId, content: 'abcd'.repeat(tokens) });
const idsOf = (fitted: ReturnType<typeof withinAllowance>) => fitted.items.map((item) => item.itemId);

describe('token allowance', () => {
  it('given hits that fit together, when fitted, then all are kept best first with their total', () => {
    const fitted = withinAllowance([hit('a', 10), hit('b', 20)], 30);
    expect([idsOf(fitted), fitted.tokens]).toEqual([['a', 'b'], 30]);
  });

  it('given a long hit in the middle, when fitted, then it is passed over and a shorter one after it still fits', () => {
    const fitted = withinAllowance([hit('a', 10), hit('long', 50), hit('c', 15)], 30);
    expect([idsOf(fitted), fitted.tokens]).toEqual([['a', 'c'], 25]);
  });

  it('given content that is not a whole number of tokens, when fitted, then a started token counts', () => {
    expect(withinAllowance([create(MemoryHitSchema, { itemId: 'a', content: 'abcde' })], 1).items).toEqual([]);
    expect(withinAllowance([create(MemoryHitSchema, { itemId: 'a', content: 'abcde' })], 2).tokens).toBe(2);
  });

  it('given no hits, when fitted, then the answer is empty with no tokens', () => {
    expect(withinAllowance([], 100)).toEqual({ items: [], tokens: 0 });
  });
});
