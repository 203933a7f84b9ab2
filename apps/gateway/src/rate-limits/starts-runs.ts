import { SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { MeterReading } from './token-meter';

export const STARTS_RUNS = 'sigil:starts-runs';

/**
 * A route that starts runs: the rate-limit guard reads the tenant's token counters in the same Redis
 * round trip as the request count, and leaves them on the request for the budget check.
 */
export const StartsRuns = () => SetMetadata(STARTS_RUNS, true);

const TOKEN_READING = Symbol('sigil.token-reading');

type WithTokenReading = FastifyRequest & { [TOKEN_READING]?: MeterReading };

export function attachTokenReading(request: FastifyRequest, reading: MeterReading): void {
  (request as WithTokenReading)[TOKEN_READING] = reading;
}

/** The token counters read with this request's rate limit; only a @StartsRuns() route has them. */
export function tokenReadingOf(request: FastifyRequest): MeterReading {
  const reading = (request as WithTokenReading)[TOKEN_READING];
  if (!reading) throw new Error('no token reading on the request: a route that starts runs must be marked @StartsRuns()');
  return reading;
}
