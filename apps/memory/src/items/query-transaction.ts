import type { QueryContext, QueryDefinition } from '@sigil/messaging';
import type { TenantTransaction, UnitOfWork } from '@sigil/persistence';

/**
 * A query's state change and the events it causes in one transaction, the events through the
 * outbox (published if and only if the change commits). The inbox records the request's envelope
 * id under the query's subject, so a request delivered twice with the same id changes nothing twice.
 */
export async function inQueryTransaction<T>(
  unitOfWork: UnitOfWork,
  query: QueryDefinition,
  context: QueryContext,
  work: (tx: TenantTransaction) => Promise<T>,
): Promise<T> {
  const result = await unitOfWork.handle({ consumerName: query.subject, envelope: context.envelope }, work);
  if (result.status === 'duplicate') throw new Error(`request ${context.envelope.id} to ${query.subject} was already answered`);
  return result.value;
}
