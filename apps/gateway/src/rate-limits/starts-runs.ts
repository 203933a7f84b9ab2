import { SetMetadata } from '@nestjs/common';
import { requestSlot } from '../common/request-slot';
import type { MeterReading } from './token-meter';

export const STARTS_RUNS = 'sigil:starts-runs';

/**
 * A route that starts runs: the rate-limit guard reads the tenant's token counters in the same Redis
 * round trip as the request count, and leaves them on the request for the budget check.
 */
export const StartsRuns = () => SetMetadata(STARTS_RUNS, true);

const tokenReadingSlot = requestSlot<MeterReading>('sigil.token-reading', 'no token reading on the request: a route that starts runs must be marked @StartsRuns()');

export const attachTokenReading = tokenReadingSlot.attach;

/** The token counters read with this request's rate limit; only a @StartsRuns() route has them. */
export const tokenReadingOf = tokenReadingSlot.of;
