import { orderCausally } from './causal-order';

const event = (id: string, causationId: string | null = null) => ({ id, causationId });

describe('causal order', () => {
  it('given events already in causal order, when ordered, then nothing moves', () => {
    const events = [event('a'), event('b', 'a'), event('c', 'b')];
    expect(orderCausally(events)).toEqual(events);
  });

  it('given an effect stored before its cause in the same millisecond, when ordered, then it follows its cause', () => {
    const ids = orderCausally([event('routed', 'requested'), event('requested'), event('selected', 'routed')]).map((e) => e.id);
    expect(ids).toEqual(['requested', 'routed', 'selected']);
  });

  it('given a cause outside the listed events, when ordered, then the effect keeps its place', () => {
    expect(orderCausally([event('b', 'elsewhere'), event('c')]).map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('given a chain stored in reverse, when ordered, then the whole chain is restored', () => {
    expect(orderCausally([event('c', 'b'), event('b', 'a'), event('a')]).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});
