import { scriptedModel } from '../testing/scripted-model';
import { MeteredModel } from './metered-model';
import { StepCancelledError } from './reasoning-errors';

describe('metered model', () => {
  const request = { system: 's', messages: [{ role: 'user' as const, content: 'hello there' }], maxOutputTokens: 10 };

  it("given several calls, when metered, then tokens and cost add up and each model is named once, and the step's signal goes with every call", async () => {
    const controller = new AbortController();
    const seen: (AbortSignal | undefined)[] = [];
    const inner = scriptedModel(() => 'four');
    const metered = new MeteredModel({ complete: (r, options) => (seen.push(options?.signal), inner.complete(r)) }, controller.signal);
    await metered.complete(request);
    await metered.complete(request, { onText: () => undefined });
    expect(metered.usage()).toEqual({ calls: 2, inputTokens: 2 * Math.ceil((1 + 1 + 11) / 4), outputTokens: 2, costUsd: 0.002, models: ['scripted-model'] });
    expect(metered.tokensUsed).toBe(metered.usage().inputTokens + 2);
    expect(seen).toEqual([controller.signal, controller.signal]);
  });

  it('given a cancelled step, when a call is asked for, then it is refused before the model sees it', async () => {
    const controller = new AbortController();
    controller.abort('run cancelled');
    const inner = scriptedModel(() => 'unused');
    await expect(new MeteredModel(inner, controller.signal).complete(request)).rejects.toThrow(new StepCancelledError('run cancelled'));
    expect(inner.requests).toHaveLength(0);
  });
});
