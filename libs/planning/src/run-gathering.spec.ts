import { fenceUntrusted, type MemoryEntry } from '@sigil/context';
import { decide } from './run-saga';
import type { RunFact } from './run-state';
import { dispatches, given, noContract, requested, routed, when, withContract } from './testing/run-facts';

const memoryItem: MemoryEntry = { itemId: 'm-1', content: 'The client is Acme.', score: 0.9, category: 'facts', looksLikeInstructions: false };
const recalled: RunFact = { type: 'recalled', items: [memoryItem], tokens: 6 };

describe('run saga: gathering what the run needs', () => {
  it('given a route that uses memory, when request, route and contract are in, then nothing is asked and nothing dispatched until memory answers', () => {
    const waiting = decide(given(routed({ useMemory: true }), requested(), noContract));
    expect(waiting).toEqual({ state: waiting.state, commands: [] });
    expect(waiting.state.status).toBe('accepted');
  });

  it('given a run waiting for memory, when memory answers, then the step is dispatched with the recalled item fenced as data', () => {
    const waiting = decide(given(requested(), routed({ useMemory: true }), noContract)).state;
    const [dispatch] = dispatches(when(waiting, recalled).commands);
    expect(dispatch.prompt).toContain(fenceUntrusted('memory:m-1', 'The client is Acme.'));
  });

  it('given memory answered before the request and the route, when everything is in, then the step goes out with it', () => {
    const [dispatch] = dispatches(decide(given(recalled, requested(), routed({ useMemory: true }), noContract)).commands);
    expect(dispatch.prompt).toContain(fenceUntrusted('memory:m-1', 'The client is Acme.'));
  });

  it('given a route without memory, when everything is in but memory, then the step goes out without waiting, and a late recall is not in its context', () => {
    const { state, commands } = decide(given(requested(), routed(), noContract));
    expect(dispatches(commands)).toHaveLength(1);
    expect(dispatches(commands)[0].prompt).not.toContain('untrusted_data source="memory');
    expect(when(state, recalled).commands).toEqual([]);
  });

  it("given the session's earlier turns, when the step is dispatched, then they are in its context, fenced", () => {
    const [dispatch] = dispatches(decide(given(requested({ history: [{ input: 'who is the client?', response: 'Acme' }] }), routed(), noContract)).commands);
    expect(dispatch.prompt).toContain('<untrusted_data source="history">');
    expect(dispatch.prompt).toContain('who is the client?');
  });

  it('given a context window too small for the system prompt and the contract, when dispatching, then the run fails with CTX_004', () => {
    const { state, commands } = decide(given(requested(), routed(), withContract('fail', { promptContext: 'x'.repeat(8_000) })), { maxParallelSteps: 4, contextWindowTokens: 1_500 });
    expect(commands).toMatchObject([{ type: 'fail', errorCode: 'CTX_004' }]);
    expect(state.status).toBe('failed');
  });
});
