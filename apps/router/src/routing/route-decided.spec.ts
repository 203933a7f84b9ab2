import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { decideRoute } from '@sigil/routing';
import { RouteDecidedSchema } from '@sigil/schemas';
import { routeDecidedPayload } from './route-decided';

const flags = { useRouting: true, usePlanning: true, useMemory: true, useContracts: true, useEvolution: false };
const run = { runId: 'run-1', sessionId: 'session-1', contractName: '', contractJson: '', forceStrategy: '' };

describe('route decided payload', () => {
  it('given a decision, when turned into the event payload, then every field of the decision is carried', () => {
    const decision = decideRoute('Compare the pricing and compliance risk of two CRM vendors', 'ZACS', flags);
    expect(routeDecidedPayload(run, decision)).toEqual({
      runId: 'run-1',
      sessionId: 'session-1',
      intent: 'general_chat',
      intentConfidence: 0.5,
      complexity: 0.446,
      factors: { length: 0.116, toolKeywords: 0.333, domainKeywords: 1, decisionKeywords: 0.333 },
      strategy: 'chain_of_thought',
      stratum: 'ZACS',
      usePlanning: false,
      useMemory: true,
      useContracts: false,
      handler: 'chat',
      strategyRange: { low: 0.3, high: 0.5 },
      useEvolution: false,
      reasons: [
        'intent: general_chat -> chat, confidence 0.5',
        'strategy: chain_of_thought, complexity 0.446 in [0.3, 0.5)',
        'planning off: complexity 0.446 <= 0.5',
        'memory: intent general_chat is memory-relevant',
        'contracts off: complexity 0.446 <= 0.7',
        'evolution off: SIGIL_USE_EVOLUTION is off',
      ],
      contractName: '',
      contractJson: '',
      forceStrategy: '',
    });
  });

  it('given a run request with contract overrides, when routed, then the decision carries them for contracts to select by', () => {
    const overridden = { ...run, contractName: 'lead_review', contractJson: '{"name": "inline"}', forceStrategy: 'partial' };
    const decoded = fromBinary(RouteDecidedSchema, toBinary(RouteDecidedSchema, create(RouteDecidedSchema, routeDecidedPayload(overridden, decideRoute('hello', 'RTI', flags)))));
    expect({ contractName: decoded.contractName, contractJson: decoded.contractJson, forceStrategy: decoded.forceStrategy }).toEqual({
      contractName: 'lead_review',
      contractJson: '{"name": "inline"}',
      forceStrategy: 'partial',
    });
  });

  it('given the payload, when encoded and decoded as RouteDecided, then the new fields survive the wire', () => {
    const decision = decideRoute('please create a sales agent', 'XYZ', { ...flags, useEvolution: true });
    const decoded = fromBinary(RouteDecidedSchema, toBinary(RouteDecidedSchema, create(RouteDecidedSchema, routeDecidedPayload(run, decision))));
    expect(decoded).toMatchObject({
      intent: 'create_agent',
      handler: 'builder',
      stratum: 'RTI',
      strategy: 'direct',
      strategyRange: { low: 0, high: 0.3 },
      useEvolution: true,
      reasons: decision.reasons,
    });
    expect(decoded.reasons[1]).toBe('stratum: unknown "XYZ", using RTI');
  });
});
