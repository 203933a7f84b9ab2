import { create } from '@bufbuild/protobuf';
import { StoreMemoryBatchRequestSchema } from '@sigil/schemas';
import { MAX_BATCH_ITEMS, newItemsOf } from './store-batch-request';

const batch = (items: { content: string; category?: string }[]) => create(StoreMemoryBatchRequestSchema, { items });
const caller = { sessionId: 'session-of-call' };

describe('store batch request', () => {
  it('given valid items, when checked, then each is checked as a single store, in order', () => {
    expect(newItemsOf(batch([{ content: ' first ' }, { content: 'second', category: 'facts' }]), caller)).toEqual({
      ok: true,
      items: [
        { content: 'first', category: 'general', confidence: 1, sessionId: 'session-of-call', runId: null, idempotencyKey: null },
        { content: 'second', category: 'facts', confidence: 1, sessionId: 'session-of-call', runId: null, idempotencyKey: null },
      ],
    });
  });

  it('given one bad item among good ones, when checked, then the batch is refused naming that item, and only it has problems', () => {
    expect(newItemsOf(batch([{ content: 'fine' }, { content: '' }, { content: 'fine too' }]), caller)).toEqual({
      ok: false,
      problems: ['items[1]: content must be 1 to 10000 characters, not 0'],
      itemProblems: [[], ['content must be 1 to 10000 characters, not 0'], []],
    });
  });

  it(`given no items or more than ${MAX_BATCH_ITEMS}, when checked, then the batch itself is refused`, () => {
    expect(newItemsOf(batch([]), caller)).toEqual({ ok: false, problems: ['items must be 1 to 1000, not 0'], itemProblems: [] });
    const tooMany = batch(Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => ({ content: 'x' })));
    expect(newItemsOf(tooMany, caller)).toEqual({ ok: false, problems: ['items must be 1 to 1000, not 1001'], itemProblems: [] });
  });

  it(`given exactly ${MAX_BATCH_ITEMS} items, when checked, then it is accepted`, () => {
    const full = newItemsOf(batch(Array.from({ length: MAX_BATCH_ITEMS }, (_, index) => ({ content: `fact ${index}` }))), caller);
    expect(full.ok && full.items.map((item) => item.content).slice(-1)).toEqual(['fact 999']);
  });
});
