import { create } from '@bufbuild/protobuf';
import { CreateAgentRequestSchema, ListAgentsRequestSchema, UpdateAgentRequestSchema } from '@sigil/schemas';
import { InvalidArgument } from './agent-arguments';
import { agentChangesOf, listCriteriaOf, newAgentOf } from './agent-requests';

describe('agent requests', () => {
  describe('list criteria', () => {
    it('given only a page, when read, then no filter applies and the default order is used', () => {
      expect(listCriteriaOf(create(ListAgentsRequestSchema, { page: 1, perPage: 10 }))).toEqual({
        page: { limit: 10, offset: 0 },
        stratum: undefined,
        status: undefined,
        createdAfter: undefined,
        createdBefore: undefined,
        contains: undefined,
        orderBy: 'created_at ASC, name ASC',
      });
    });

    it('given every filter, when read, then each is checked and carried', () => {
      const request = create(ListAgentsRequestSchema, {
        page: 2,
        perPage: 5,
        stratum: 'RTI',
        status: 'inactive',
        createdAfter: '2025-01-01T00:00:00Z',
        createdBefore: '2025-02-01T00:00:00+01:00',
        q: '100%',
        sort: [{ field: 'version', descending: true }],
      });
      expect(listCriteriaOf(request)).toEqual({
        page: { limit: 5, offset: 5 },
        stratum: 'RTI',
        status: 'inactive',
        createdAfter: '2025-01-01T00:00:00Z',
        createdBefore: '2025-02-01T00:00:00+01:00',
        contains: '%100\\%%',
        orderBy: 'version DESC, name ASC',
      });
    });

    it('given an invalid created_after, when read, then it is refused naming created_after', () => {
      const request = create(ListAgentsRequestSchema, { page: 1, perPage: 10, createdAfter: '31/01/2025' });
      expect(() => listCriteriaOf(request)).toThrow(/^created_after must be an RFC 3339/);
    });

    it('given an unknown status filter, when read, then it is refused', () => {
      expect(() => listCriteriaOf(create(ListAgentsRequestSchema, { page: 1, perPage: 10, status: 'retired' }))).toThrow(InvalidArgument);
    });
  });

  describe('new agents', () => {
    it('given a token budget, when read, then the agent keeps it', () => {
      const request = create(CreateAgentRequestSchema, { name: 'helper', stratum: 'RTI', description: 'd', systemPrompt: 'p', maxTotalTokens: 50_000n });
      expect(newAgentOf(request)).toEqual({ name: 'helper', stratum: 'RTI', description: 'd', systemPrompt: 'p', maxTotalTokens: 50_000n });
    });

    it('given no token budget (0), when read, then the agent has none of its own', () => {
      expect(newAgentOf(create(CreateAgentRequestSchema, { name: 'helper', stratum: 'RTI', description: 'd' })).maxTotalTokens).toBeNull();
    });

    it('given a negative token budget, when read, then it is refused naming max_total_tokens', () => {
      expect(() => newAgentOf(create(CreateAgentRequestSchema, { name: 'helper', stratum: 'RTI', description: 'd', maxTotalTokens: -1n }))).toThrow(
        new InvalidArgument('max_total_tokens must be 0 (the platform default) or a positive number of tokens, got -1'),
      );
    });
  });

  describe('update changes', () => {
    it('given only a description, when read, then only the description changes', () => {
      expect(agentChangesOf(create(UpdateAgentRequestSchema, { name: 'helper', description: 'new words' }))).toEqual({ description: 'new words' });
    });

    it('given a field set to the empty string, when read, then the empty string is a change', () => {
      expect(agentChangesOf(create(UpdateAgentRequestSchema, { name: 'helper', systemPrompt: '' }))).toEqual({ systemPrompt: '' });
    });

    it('given every field, when read, then all change', () => {
      const request = create(UpdateAgentRequestSchema, { name: 'helper', stratum: 'RTI', description: 'd', systemPrompt: 'p', status: 'inactive', maxTotalTokens: 9_000n });
      expect(agentChangesOf(request)).toEqual({ stratum: 'RTI', description: 'd', systemPrompt: 'p', status: 'inactive', maxTotalTokens: 9_000n });
    });

    it('given only a token budget, when read, then only the budget changes', () => {
      expect(agentChangesOf(create(UpdateAgentRequestSchema, { name: 'helper', maxTotalTokens: 120_000n }))).toEqual({ maxTotalTokens: 120_000n });
    });

    it('given a token budget of 0, when read, then the budget is cleared back to the platform default', () => {
      expect(agentChangesOf(create(UpdateAgentRequestSchema, { name: 'helper', maxTotalTokens: 0n }))).toEqual({ maxTotalTokens: null });
    });

    it('given a negative token budget, when read, then the update is refused naming max_total_tokens', () => {
      expect(() => agentChangesOf(create(UpdateAgentRequestSchema, { name: 'helper', maxTotalTokens: -5n }))).toThrow(/^max_total_tokens must be 0/);
    });

    it('given no field, when read, then the update is refused', () => {
      expect(() => agentChangesOf(create(UpdateAgentRequestSchema, { name: 'helper' }))).toThrow(
        new InvalidArgument('an update must set at least one of stratum, description, system_prompt, status, max_total_tokens'),
      );
    });

    it('given a status other than active or inactive, when read, then the update is refused naming status', () => {
      expect(() => agentChangesOf(create(UpdateAgentRequestSchema, { name: 'helper', status: 'paused' }))).toThrow(/^status must be one of active, inactive/);
    });
  });
});
