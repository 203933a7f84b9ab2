import { SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { deferCheck } from '../common/deferred-check';
import { requestSlot } from '../common/request-slot';
import type { MeterReading } from './token-meter';

export const STARTS_RUNS = 'sigil:starts-runs';

/**
 * A route that starts runs: the rate-limit guard reads the tenant's token counters in the same Redis
 * round trip as the request count, and leaves them on the request for the budget check. It does not
 * wait for that round trip: the body is validated meanwhile, and the run's launcher awaits the
 * verdict before anything happens (ADR 0007).
 */
export const StartsRuns = () => SetMetadata(STARTS_RUNS, true);

const tokenReadingSlot = requestSlot<Promise<MeterReading>>('sigil.token-reading', 'no token reading on the request: a route that starts runs must be marked @StartsRuns()');

/** Leaves the rate limit's verdict on the request, still being decided: a refusal rejects it, and wins over any error found meanwhile. */
export function attachTokenReading(request: FastifyRequest, verdict: Promise<MeterReading>): void {
  tokenReadingSlot.attach(request, verdict);
  deferCheck(request, verdict);
}

/** The token counters read with this request's rate limit, once it allowed the request (a refusal throws its 429); only a @StartsRuns() route has them. */
export const tokenReadingOf = tokenReadingSlot.of;
