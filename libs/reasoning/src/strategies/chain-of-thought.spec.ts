import { StrategyFailedError } from '../model/reasoning-errors';
import { protocolOf, scriptedModel, strategyContext } from '../testing/scripted-model';
import { chainOfThought } from './chain-of-thought';
import { direct } from './direct';

describe('direct', () => {
  it("given a step, when answered directly, then one call carries the step's own prompts and its text is the answer", async () => {
    const model = scriptedModel(() => '  24 legs.  ');
    const context = strategyContext(model);
    expect(await direct(context)).toBe('24 legs.');
    expect(model.requests).toEqual([{ system: context.system, messages: [{ role: 'user', content: context.prompt }], maxOutputTokens: 512 }]);
  });

  it('given a model that says nothing, when answered directly, then the strategy fails', async () => {
    await expect(direct(strategyContext(scriptedModel(() => ' ')))).rejects.toThrow(StrategyFailedError);
  });
});

describe('chain of thought', () => {
  it('given numbered reasoning and a FINAL ANSWER line, when reasoned, then the final answer is the output and the reasoning is in the trace', async () => {
    const model = scriptedModel(() => '1. A spider has 8 legs.\n2. 3 x 8 = 24.\nFINAL ANSWER: 24');
    const context = strategyContext(model);
    expect(await chainOfThought(context)).toBe('24');
    expect(model.requests).toHaveLength(1);
    expect(protocolOf(model.requests[0])).toBe('chain_of_thought');
    expect(model.requests[0].system.startsWith(`${context.system}\n\n## REASONING PROTOCOL: chain_of_thought`)).toBe(true);
    expect(context.lines).toEqual(['chain_of_thought reasoning:\n1. A spider has 8 legs.\n2. 3 x 8 = 24.']);
  });

  it('given a reply without a FINAL ANSWER line, when reasoned, then the model is asked once more with its reply and the format', async () => {
    const model = scriptedModel((_, call) => (call === 1 ? 'It is 24.' : '1. 3 x 8\nFINAL ANSWER: 24'));
    expect(await chainOfThought(strategyContext(model))).toBe('24');
    expect(model.requests[1].messages.slice(1)).toEqual([
      { role: 'assistant', content: 'It is 24.' },
      { role: 'user', content: expect.stringContaining('no "FINAL ANSWER:" line') },
    ]);
  });

  it('given replies that never have a FINAL ANSWER line, when reasoned, then the strategy fails after its one retry', async () => {
    const model = scriptedModel(() => 'It is 24.');
    await expect(chainOfThought(strategyContext(model))).rejects.toThrow('no FINAL ANSWER line after retrying');
    expect(model.requests).toHaveLength(2);
  });
});
