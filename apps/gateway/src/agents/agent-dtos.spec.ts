import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { ProblemException } from '../common/problem';
import { strictValidationPipe } from '../common/validation';
import { CreateAgentDto, UpdateAgentDto } from './agent-dtos';

const validated = async <T>(metatype: Type<T>, body: unknown) => {
  try {
    return { dto: (await strictValidationPipe().transform(body, { type: 'body', metatype })) as T };
  } catch (error) {
    if (error instanceof ProblemException) return { violations: error.problem.validationErrors };
    throw error;
  }
};

const NEW_AGENT = { name: 'helper', stratum: 'RTI', description: 'answers questions' };

describe('an agent’s config', () => {
  it.each([[1_000], [2_000_000]])('given max_total_tokens %d on create, when validated, then it is kept', async (budget) => {
    expect((await validated(CreateAgentDto, { ...NEW_AGENT, config: { max_total_tokens: budget } })).dto?.config?.max_total_tokens).toBe(budget);
  });

  it.each([[999], [2_000_001], [50_000.5], ['50000']])('given max_total_tokens %j, when validated, then it is a REQ_001 violation named config.max_total_tokens', async (budget) => {
    for (const [metatype, body] of [
      [CreateAgentDto, NEW_AGENT],
      [UpdateAgentDto, {}],
    ] as const) {
      const { violations } = await validated(metatype as Type<unknown>, { ...body, config: { max_total_tokens: budget } });
      expect(violations?.length).toBeGreaterThan(0);
      expect(violations?.every((violation) => violation.field === 'config.max_total_tokens')).toBe(true);
    }
  });

  it('given max_total_tokens null on update, when validated, then it passes (back to the platform default)', async () => {
    const { dto } = await validated(UpdateAgentDto, { config: { max_total_tokens: null } });
    expect(dto?.config).toEqual({ max_total_tokens: null });
  });

  it('given an unknown field in config or a config that is not an object, when validated, then each is refused', async () => {
    expect((await validated(UpdateAgentDto, { config: { max_total_tokens: 5_000, timeout_ms: 1_000 } })).violations).toEqual([
      { field: 'config.timeout_ms', message: 'property timeout_ms should not exist' },
    ]);
    expect((await validated(CreateAgentDto, { ...NEW_AGENT, config: 'big' })).violations).toContainEqual({ field: 'config', message: 'config must be a JSON object' });
  });
});
