import { Logger } from '@nestjs/common';
import { Problems } from './problem';

const logger = new Logger('gateway.queries');

/** Runs a bus query; no answer (timeout, no responders, service error) becomes a 503 problem. */
export async function askOrUnavailable<T>(service: string, ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    logger.warn(`${service} did not answer: ${error instanceof Error ? error.message : String(error)}`);
    throw Problems.dependencyUnavailable(service);
  }
}
