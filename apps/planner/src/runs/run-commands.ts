import { Events } from '@sigil/catalog';
import type { RunCommand, RunState, TokenCount } from '@sigil/planning';
import type { TenantTransaction } from '@sigil/persistence';

const usage = (tokens: TokenCount) => ({
  inputTokens: BigInt(tokens.inputTokens),
  outputTokens: BigInt(tokens.outputTokens),
  totalTokens: BigInt(tokens.inputTokens + tokens.outputTokens),
});

/**
 * The id of each event a run emits, derived from the run so that an event emitted again (a fact
 * handled again after a crash) is a duplicate JetStream drops. A step's dispatch is its step id
 * `<run>:<plan step>:<attempt>`; the others put a `.` in the second part, which a plan step id
 * cannot hold, so no two events of a run share an id.
 */
export const eventIds = {
  planCreated: (runId: string, version: number) => `${runId}:plan.created.${version}`,
  validation: (runId: string, attempt: number) => `${runId}:validation.requested.${attempt}`,
  completed: (runId: string) => `${runId}:run.completed`,
  escalated: (runId: string) => `${runId}:run.escalated`,
  failed: (runId: string) => `${runId}:run.failed`,
  cancelled: (runId: string) => `${runId}:run.cancelled`,
};

/** Turns the saga's commands into outbox events of the same transaction (the plan cache's are PlanCache's). */
export function emitCommands(tx: TenantTransaction, state: RunState, commands: RunCommand[]): void {
  const { runId, sessionId } = state;
  const ids = { runId, sessionId };
  for (const command of commands) {
    switch (command.type) {
      case 'announce_plan':
        tx.emit(
          Events.PlanCreated,
          { ...ids, plan: { runId, ...command.plan } },
          { id: eventIds.planCreated(runId, command.version) },
        );
        break;
      case 'dispatch_step':
        tx.emit(
          Events.StepRequested,
          {
            ...ids,
            stepId: command.stepId,
            strategy: command.strategy,
            systemPrompt: command.system,
            prompt: command.prompt,
            maxOutputTokens: BigInt(command.maxOutputTokens),
            stepType: command.stepType,
            toolName: command.toolName ?? '',
            toolInputJson: command.toolInputJson ?? '',
            runTokenLimit: BigInt(command.runTokenLimit),
            deadlineMs: BigInt(command.deadlineMs),
            complexity: command.complexity,
            attempt: command.attempt,
          },
          { id: command.stepId },
        );
        break;
      case 'request_validation':
        tx.emit(
          Events.ValidationRequested,
          { ...ids, output: command.output, attempt: command.attempt, task: command.task, tokensUsed: usage(command.tokens) },
          { id: eventIds.validation(runId, command.attempt) },
        );
        break;
      case 'complete':
        tx.emit(
          Events.RunCompleted,
          {
            ...ids,
            input: command.input,
            response: command.response,
            tokensUsed: usage(command.tokens),
            modelUsed: command.model,
            latencyMs: BigInt(command.latencyMs),
            appliedStrategy: command.appliedStrategy,
            attempts: command.attempts,
            contractName: command.contractName,
            steps: command.steps,
          },
          { id: eventIds.completed(runId) },
        );
        break;
      case 'escalate':
        tx.emit(Events.RunEscalated, { ...ids, output: command.output, reasons: command.reasons, tokensUsed: usage(command.tokens) }, { id: eventIds.escalated(runId) });
        break;
      case 'fail':
        tx.emit(
          Events.RunFailed,
          {
            ...ids,
            errorCode: command.errorCode,
            message: command.message,
            tokensUsed: usage(command.tokens),
            latencyMs: BigInt(command.latencyMs),
            partialResults: command.partialResults,
          },
          { id: eventIds.failed(runId) },
        );
        break;
      case 'cancel':
        tx.emit(
          Events.RunCancelled,
          {
            ...ids,
            reason: command.reason,
            errorCode: command.errorCode,
            tokensUsed: usage(command.tokens),
            latencyMs: BigInt(command.latencyMs),
            partialResults: command.partialResults,
          },
          { id: eventIds.cancelled(runId) },
        );
        break;
      case 'look_up_plan':
      case 'cache_plan':
      case 'forget_cached_plan':
        break;
    }
  }
}
