import { fenceUntrusted, type MemoryEntry } from '@sigil/context';
import { decide } from './run-saga';
import type { RunFact } from './run-state';
import { dispatches, given, noContract, ofType, requested, routed, when, withContract } from './testing/run-facts';

const memoryItem: MemoryEntry = { itemId: 'm-1', content: 'The client is Acme.', score: 0.9, category: 'facts', looksLikeInstructions: false };
const recalled: RunFact = { type: 'recalled', items: [memoryItem], tokens: 6 };

describe('run saga: gathering what the run needs', () => {
  it('given a route that uses memory, when request and route are in, then recall is asked once for the input within the memory allowance', () => {
    const first = decide(given(routed({ useMemory: true }), requested()), { maxParallelSteps: 4, contextWindowTokens: 200_000, memoryTokenAllowance: 1_500 });
    expect(first.commands).toEqual([{ type: 'request_recall', query: 'hello', k: 8, maxTokens: 1_500 }]);
    expect(first.state.status).toBe('accepted');
    expect(decide(first.state).commands).toEqual([]);
  });

  it('given a route that uses memory and a contract, when memory has not answered, then nothing is dispatched', () => {
    const waiting = decide(given(requested(), routed({ useMemory: true }), noContract)).state;
    expect(dispatches(decide(waiting).commands)).toEqual([]);
  });

  it('given recall asked, when memory answers, then the step is dispatched with the recalled item fenced as data', () => {
    const waiting = decide(given(requested(), routed({ useMemory: true }), noContract)).state;
    const [dispatch] = dispatches(when(waiting, recalled).commands);
    expect(dispatch.prompt).toContain(fenceUntrusted('memory:m-1', 'The client is Acme.'));
  });

  it('given memory answered before the route, when everything is in, then recall is not asked again and the step goes out', () => {
    const { commands } = decide(given(recalled, requested(), routed({ useMemory: true }), noContract));
    expect(ofType(commands, 'request_recall')).toEqual([]);
    expect(dispatches(commands)).toHaveLength(1);
  });

  it('given a route without memory, when everything is in, then no recall is asked', () => {
    expect(ofType(decide(given(requested(), routed(), noContract)).commands, 'request_recall')).toEqual([]);
  });

  it("given the session's earlier turns, when the step is dispatched, then they are in its context, fenced", () => {
    const [dispatch] = dispatches(decide(given(requested({ history: [{ input: 'who is the client?', response: 'Acme' }] }), routed(), noContract)).commands);
    expect(dispatch.prompt).toContain('<untrusted_data source="history">');
    expect(dispatch.prompt).toContain('who is the client?');
  });

  it('given a context window too small for the system prompt and the contract, when dispatching, then the run fails with CTX_004', () => {
    const { state, commands } = decide(given(requested(), routed(), withContract('fail', { promptContext: 'x'.repeat(8_000) })), {
      maxParallelSteps: 4,
      contextWindowTokens: 1_500,
      memoryTokenAllowance: 4_000,
    });
    expect(commands).toMatchObject([{ type: 'fail', errorCode: 'CTX_004' }]);
    expect(state.status).toBe('failed');
  });
});
