import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { JetStreamContext, OnEvent } from '@sigil/messaging';
import { deliveryOf, UnitOfWork } from '@sigil/persistence';
import type { ValidationRequested } from '@sigil/schemas';
import { AWAITS_EARLIER_EVENT } from '../bus-delivery';
import { ParsedContracts } from '../contracts/parsed-contracts';
import { findRunContract } from '../selection/run-selections';
import { heldTo, verdictFor } from './output-verdict';
import { saveValidation } from './validation-store';

/** Verifies each attempt of a run against the contract selected for it, and says what the run does next. */
@Controller()
export class VerificationController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly parsed: ParsedContracts,
  ) {}

  @OnEvent(Events.ValidationRequested, AWAITS_EARLIER_EVENT)
  async onValidationRequested(@Payload() request: ValidationRequested, @Ctx() context: JetStreamContext): Promise<void> {
    await this.unitOfWork.handle(deliveryOf(context), async (tx) => {
      const run = await findRunContract(tx, tx.tenantId, request.runId);
      // The planner asks only after the selection it received from us, so a missing row is a lag to retry.
      if (!run) throw new Error(`no contract selected yet for run ${request.runId}`);
      const { attempt, output, task } = request;
      const verdict = verdictFor(heldTo(run, (json) => this.parsed.parse(json)), { output, attempt, task, tokensUsed: Number(request.tokensUsed?.totalTokens ?? 0n) });
      if (verdict.recorded) {
        await saveValidation(tx, tx.tenantId, { runId: request.runId, attempt, contractName: run.contractName, inline: run.inline, ...verdict.recorded });
      }
      tx.emit(Events.OutputValidated, {
        runId: request.runId,
        sessionId: request.sessionId,
        isValid: verdict.isValid,
        errors: verdict.errors,
        decision: verdict.decision,
        attempt,
        refinedPrompt: verdict.refinedPrompt,
        output: verdict.output,
        missingFields: verdict.missingFields,
      });
    });
  }
}
