import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { ProblemException } from '../common/problem';
import { strictValidationPipe } from '../common/validation';
import { ExecutionRequestDto } from './execution-request.dto';
import { RunAgentDto } from './run-agent.dto';
import { runConfigOf } from './run-config.dto';

const validated = async <T>(metatype: Type<T>, body: unknown) => {
  try {
    return { dto: (await strictValidationPipe().transform(body, { type: 'body', metatype })) as T };
  } catch (error) {
    if (error instanceof ProblemException) return { violations: error.problem.validationErrors };
    throw error;
  }
};

const EXECUTION = { agent_id: 'helper', task: 'decide', contract_name: 'market_analysis' };

describe.each([
  ['POST /v7/agents/{name}/run', RunAgentDto as Type<RunAgentDto | ExecutionRequestDto>, { input: 'hello' }],
  ['POST /v7/contracts/execute', ExecutionRequestDto as Type<RunAgentDto | ExecutionRequestDto>, EXECUTION],
])('the run config of %s', (_, metatype, body) => {
  it('given no config, when validated, then the run takes the defaults', async () => {
    const { dto } = await validated(metatype, body);
    expect(runConfigOf(dto?.config)).toEqual({ maxTotalTokens: undefined, timeoutMs: undefined });
  });

  it('given a budget and a deadline at their bounds, when validated, then both are kept beside the wait timeout', async () => {
    const low = await validated(metatype, { ...body, timeout_ms: 100, config: { max_total_tokens: 1, timeout_ms: 1_000 } });
    expect([low.dto?.timeout_ms, runConfigOf(low.dto?.config)]).toEqual([100, { maxTotalTokens: 1, timeoutMs: 1_000 }]);
    const high = await validated(metatype, { ...body, config: { max_total_tokens: 2_000_000, timeout_ms: 3_600_000 } });
    expect(runConfigOf(high.dto?.config)).toEqual({ maxTotalTokens: 2_000_000, timeoutMs: 3_600_000 });
  });

  it('given a budget and a deadline outside their bounds, when validated, then each is a REQ_001 violation named config.<field>', async () => {
    for (const config of [
      { max_total_tokens: 0, timeout_ms: 999 },
      { max_total_tokens: 2_000_001, timeout_ms: 3_600_001 },
      { max_total_tokens: 1.5, timeout_ms: '5000' },
    ]) {
      const { violations } = await validated(metatype, { ...body, config });
      expect([config, [...new Set(violations?.map((violation) => violation.field))]]).toEqual([config, ['config.max_total_tokens', 'config.timeout_ms']]);
    }
  });

  it('given an unknown field in config, when validated, then it is refused like one at the top level', async () => {
    expect((await validated(metatype, { ...body, config: { max_total_tokens: 5_000, temperature: 2 } })).violations).toEqual([
      { field: 'config.temperature', message: 'property temperature should not exist' },
    ]);
  });

  it.each([['tokens'], [[]], [42]])('given config %j, when validated, then config must be an object', async (config) => {
    const { violations } = await validated(metatype, { ...body, config });
    expect(violations).toContainEqual({ field: 'config', message: 'config must be a JSON object' });
  });
});
