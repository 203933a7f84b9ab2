import { create } from '@bufbuild/protobuf';
import { AgentSchema } from '@sigil/schemas';
import { agentChanges, agentCreation, changesAnything } from './agent-requests';
import { agentView } from './agent-view';

const NEW_AGENT = { name: 'helper', stratum: 'RTI', description: 'answers questions' };

describe('agent requests to the registry', () => {
  it('given a create with a token budget, when sent, then the registry gets it as int64', () => {
    expect(agentCreation({ ...NEW_AGENT, config: { max_total_tokens: 40_000 } })).toEqual({ ...NEW_AGENT, systemPrompt: '', maxTotalTokens: 40_000n });
  });

  it('given a create without config, when sent, then the budget is 0: none of its own', () => {
    expect(agentCreation({ ...NEW_AGENT, system_prompt: 'Be brief.' })).toMatchObject({ systemPrompt: 'Be brief.', maxTotalTokens: 0n });
  });

  it('given an update of the budget only, when sent, then only the budget is set', () => {
    const changes = agentChanges({ config: { max_total_tokens: 9_000 } });
    expect(changes).toEqual({ stratum: undefined, description: undefined, systemPrompt: undefined, status: undefined, maxTotalTokens: 9_000n });
    expect(changesAnything(changes)).toBe(true);
  });

  it('given an update of the budget to null, when sent, then it is 0: back to the platform default', () => {
    expect(agentChanges({ config: { max_total_tokens: null } }).maxTotalTokens).toBe(0n);
  });

  it('given an update with an empty config and nothing else, when checked, then it changes nothing', () => {
    expect(changesAnything(agentChanges({ config: {} }))).toBe(false);
    expect(changesAnything(agentChanges({}))).toBe(false);
    expect(changesAnything(agentChanges({ description: '' }))).toBe(true);
  });
});

describe('the agent as the API shows it', () => {
  const agent = (maxTotalTokens: bigint) => create(AgentSchema, { name: 'helper', stratum: 'RTI', status: 'active', version: 3, maxTotalTokens });

  it('given an agent with a token budget, when shown, then config holds it', () => {
    expect(agentView(agent(40_000n))).toMatchObject({ version: '1.2.0', revision: 3, config: { max_total_tokens: 40_000 } });
  });

  it('given an agent without one (0), when shown, then config.max_total_tokens is null: the platform default', () => {
    expect(agentView(agent(0n)).config).toEqual({ max_total_tokens: null });
  });
});
