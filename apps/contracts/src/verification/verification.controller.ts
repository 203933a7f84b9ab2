import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { selectContract, validateOutput, verdictFor, type SelectedContract } from '@sigil/contracts';
import { JetStreamContext, OnEvent } from '@sigil/messaging';
import { UnitOfWork } from '@sigil/persistence';
import type { RouteDecided, ValidationRequested } from '@sigil/schemas';

interface RunContractRow {
  contract_name: string | null;
  failure_strategy: SelectedContract['failureStrategy'];
  max_retries: number;
  required_fields: string[];
}

/** Selects each run's contract when it is routed and verifies the run's output against it. */
@Controller()
export class VerificationController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @OnEvent(Events.RouteDecided)
  async onRouteDecided(@Payload() route: RouteDecided, @Ctx() context: JetStreamContext): Promise<void> {
    const contract = selectContract(route.complexity, route.useContracts);
    await this.unitOfWork.handle({ consumerName: context.consumerName, envelope: context.envelope }, async (tx) => {
      await tx.query(
        `INSERT INTO contracts.run_contracts (tenant_id, run_id, contract_name, failure_strategy, max_retries, required_fields, complexity)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [tx.tenantId, route.runId, contract.name, contract.failureStrategy, contract.maxRetries, JSON.stringify(contract.requiredFields), route.complexity],
      );
      tx.emit(Events.ContractSelected, {
        runId: route.runId,
        sessionId: route.sessionId,
        contractName: contract.name ?? '',
        failureStrategy: contract.failureStrategy,
        maxRetries: contract.maxRetries,
        requiredFields: contract.requiredFields,
      });
    });
  }

  @OnEvent(Events.ValidationRequested)
  async onValidationRequested(@Payload() request: ValidationRequested, @Ctx() context: JetStreamContext): Promise<void> {
    await this.unitOfWork.handle({ consumerName: context.consumerName, envelope: context.envelope }, async (tx) => {
      const [row] = await tx.query<RunContractRow>(
        `SELECT contract_name, failure_strategy, max_retries, required_fields FROM contracts.run_contracts WHERE tenant_id = $1 AND run_id = $2`,
        [tx.tenantId, request.runId],
      );
      // The planner asks only after the selection it received from us, so a missing row is a lag to retry.
      if (!row) throw new Error(`no contract selected yet for run ${request.runId}`);
      const contract: SelectedContract = {
        name: row.contract_name,
        failureStrategy: row.failure_strategy,
        maxRetries: row.max_retries,
        requiredFields: row.required_fields,
      };
      const result = validateOutput(request.output, contract);
      await tx.query(
        `INSERT INTO contracts.validations (tenant_id, run_id, attempt, contract_name, is_valid, errors) VALUES ($1, $2, $3, $4, $5, $6)`,
        [tx.tenantId, request.runId, request.attempt, contract.name, result.isValid, JSON.stringify(result.errors)],
      );
      tx.emit(Events.OutputValidated, {
        runId: request.runId,
        sessionId: request.sessionId,
        isValid: result.isValid,
        errors: result.errors,
        decision: verdictFor(result),
        attempt: request.attempt,
      });
    });
  }
}
