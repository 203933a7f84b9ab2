import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Queries } from '@sigil/catalog';
import { buildContractPrompt } from '@sigil/contracts';
import { OnQuery, QueryContext } from '@sigil/messaging';
import type { GetPromptContextRequest } from '@sigil/schemas';
import { DataSource } from 'typeorm';
import { findContract } from '../contracts/contract-lookup';
import { contractNotFound } from '../contracts/contract-replies';
import { ParsedContracts } from '../contracts/parsed-contracts';
import { recentLearning, validationTotals } from './validation-history';

/** Stands in for the task when the caller gives none, as the spec writes the prompt ("TASK: {original_task}"). */
export const TASK_PLACEHOLDER = '{task}';

/** What a run's prompt for a contract would say, with what the tenant's history taught. */
@Controller()
export class PromptContextController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly parsed: ParsedContracts,
  ) {}

  @OnQuery(Queries.GetPromptContext)
  async promptContext(@Payload() request: GetPromptContextRequest, @Ctx() context: QueryContext) {
    const { tenantId } = context.envelope;
    const contract = await findContract(this.dataSource, this.parsed, tenantId, request.name);
    if (!contract) return contractNotFound(request.name);
    const [learning, totals] = await Promise.all([recentLearning(this.dataSource, tenantId, request.name, Date.now()), validationTotals(this.dataSource, tenantId, request.name)]);
    return {
      prompt: buildContractPrompt({ task: request.task || TASK_PLACEHOLDER, contract, ...learning }),
      commonMistakes: learning.commonMistakes,
      exemplars: learning.exemplars.map((exemplar) => JSON.stringify(exemplar)),
      successRate: totals.successRate ?? 0,
      validations: BigInt(totals.validations),
    };
  }
}
