import { defineEvent, requireFields } from '@sigil/messaging';
import {
  AgentChangedSchema,
  PlanCreatedSchema,
  RecallRequestedSchema,
  RecalledSchema,
  RunBudgetWarningSchema,
  RunCancelledSchema,
  RunCancelRequestedSchema,
  StepFailedSchema,
  ContractSelectedSchema,
  OutputValidatedSchema,
  RouteDecidedSchema,
  RunCompletedSchema,
  RunEscalatedSchema,
  RunFailedSchema,
  RunRequestedSchema,
  RunReviewedSchema,
  StepCompletedSchema,
  StepRequestedSchema,
  ValidationRequestedSchema,
} from '@sigil/schemas';

/** Every event on the bus, in one place: its type (= subject), stream and schema. */
export const Events = {
  RunRequested: defineEvent('sigil.run.v1.requested', RunRequestedSchema, (m) => [
    ...requireFields<typeof RunRequestedSchema>('runId', 'sessionId', 'input')(m),
    ...(m.agent?.name ? [] : ['agent.name is required']),
  ]),
  RunCompleted: defineEvent('sigil.run.v1.completed', RunCompletedSchema, requireFields('runId', 'sessionId')),
  RunFailed: defineEvent('sigil.run.v1.failed', RunFailedSchema, requireFields('runId', 'sessionId', 'errorCode')),
  RunEscalated: defineEvent('sigil.run.v1.escalated', RunEscalatedSchema, requireFields('runId', 'sessionId')),
  RunReviewed: defineEvent('sigil.run.v1.reviewed', RunReviewedSchema, requireFields('runId', 'sessionId')),
  RunCancelRequested: defineEvent('sigil.run.v1.cancel_requested', RunCancelRequestedSchema, requireFields('runId')),
  RunCancelled: defineEvent('sigil.run.v1.cancelled', RunCancelledSchema, requireFields('runId', 'sessionId', 'errorCode')),
  RunBudgetWarning: defineEvent('sigil.run.v1.budget_warning', RunBudgetWarningSchema, requireFields('runId', 'sessionId')),
  PlanCreated: defineEvent('sigil.run.v1.plan_created', PlanCreatedSchema, requireFields('runId', 'sessionId')),
  RouteDecided: defineEvent('sigil.routing.v1.decided', RouteDecidedSchema, requireFields('runId', 'sessionId', 'intent', 'strategy')),
  ContractSelected: defineEvent('sigil.contracts.v1.selected', ContractSelectedSchema, requireFields('runId', 'sessionId')),
  ValidationRequested: defineEvent('sigil.contracts.v1.validation_requested', ValidationRequestedSchema, requireFields('runId', 'sessionId')),
  OutputValidated: defineEvent('sigil.contracts.v1.validated', OutputValidatedSchema, requireFields('runId', 'sessionId', 'decision')),
  StepRequested: defineEvent('sigil.reasoning.v1.step_requested', StepRequestedSchema, requireFields('runId', 'sessionId', 'stepId', 'prompt')),
  StepCompleted: defineEvent('sigil.reasoning.v1.step_completed', StepCompletedSchema, requireFields('runId', 'sessionId', 'stepId')),
  StepFailed: defineEvent('sigil.reasoning.v1.step_failed', StepFailedSchema, requireFields('runId', 'sessionId', 'stepId', 'errorCode')),
  RecallRequested: defineEvent('sigil.memory.v1.recall_requested', RecallRequestedSchema, requireFields('runId', 'sessionId')),
  Recalled: defineEvent('sigil.memory.v1.recalled', RecalledSchema, requireFields('runId', 'sessionId')),
  AgentChanged: defineEvent('sigil.agents.v1.changed', AgentChangedSchema, requireFields('name', 'change')),
} as const;

export const allEvents = Object.values(Events);
