import { Logger } from '@nestjs/common';
import { Problems } from './problem';

const logger = new Logger('gateway.bus');

/** Runs a bus call (query or publish); no answer (timeout, no responders, bus down) becomes a 503 problem. */
export async function orUnavailable<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    logger.warn(`${what} did not answer: ${error instanceof Error ? error.message : String(error)}`);
    throw Problems.dependencyUnavailable(what);
  }
}
