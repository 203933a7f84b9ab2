import { Events } from '@sigil/catalog';
import { MAX_OUTPUT_TOKENS, type RunCommand, type RunState, type TokenCount } from '@sigil/planning';
import type { TenantTransaction } from '@sigil/persistence';

const usage = (tokens: TokenCount) => ({
  inputTokens: BigInt(tokens.inputTokens),
  outputTokens: BigInt(tokens.outputTokens),
  totalTokens: BigInt(tokens.inputTokens + tokens.outputTokens),
});

/** Turns the saga's commands into outbox events of the same transaction. */
export function emitCommands(tx: TenantTransaction, state: RunState, commands: RunCommand[]): void {
  const ids = { runId: state.runId, sessionId: state.sessionId };
  for (const command of commands) {
    switch (command.type) {
      case 'dispatch_step':
        tx.emit(Events.StepRequested, {
          ...ids,
          stepId: command.step.stepId,
          strategy: command.step.strategy,
          systemPrompt: command.systemPrompt,
          prompt: command.step.prompt,
          maxOutputTokens: BigInt(MAX_OUTPUT_TOKENS),
        });
        break;
      case 'request_validation':
        tx.emit(Events.ValidationRequested, { ...ids, output: command.output, attempt: command.attempt, task: command.task, tokensUsed: usage(command.tokens) });
        break;
      case 'complete':
        tx.emit(Events.RunCompleted, {
          ...ids,
          response: command.response,
          tokensUsed: usage(command.tokens),
          modelUsed: command.model,
          latencyMs: BigInt(command.latencyMs),
          appliedStrategy: command.appliedStrategy,
          attempts: command.attempts,
          contractName: command.contractName,
        });
        break;
      case 'escalate':
        tx.emit(Events.RunEscalated, { ...ids, output: command.output, reasons: command.reasons, tokensUsed: usage(command.tokens) });
        break;
      case 'fail':
        tx.emit(Events.RunFailed, {
          ...ids,
          errorCode: command.errorCode,
          message: command.message,
          tokensUsed: usage(command.tokens),
          latencyMs: BigInt(command.latencyMs),
        });
        break;
    }
  }
}
