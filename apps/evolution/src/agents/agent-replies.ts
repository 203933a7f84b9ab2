import { InvalidArgument } from './agent-arguments';

export const agentNotFound = (name: string) => ({ error: { code: 'AGT_001', message: `agent '${name}' not found`, status: 404 } });

export const agentExists = (name: string) => ({ error: { code: 'AGT_002', message: `agent '${name}' already exists`, status: 409 } });

/** Runs a query's work; arguments the caller got wrong become a REQ_001 reply, anything else fails the query. */
export async function rejectingInvalidArguments<T>(work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidArgument) return { error: { code: 'REQ_001', message: error.message, status: 400 } };
    throw error;
  }
}
