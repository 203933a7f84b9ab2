import type { FastifyRequest } from 'fastify';
import { requestSlot } from './request-slot';

const deferredCheckSlot = requestSlot<Promise<unknown>>('sigil.deferred-check', 'no check deferred on the request');

/**
 * A guard's check left to finish while the rest of the request runs (the rate limit of a route that
 * starts runs, decided in Redis while the body is validated). It must still act as if it ran first:
 * whatever has an effect awaits it, and an error found meanwhile waits for it and gives way to its
 * refusal (`settleAfterDeferredCheck`), so a 429 still wins over a 400.
 */
export function deferCheck(request: FastifyRequest, check: Promise<unknown>): void {
  // Someone always awaits it (the handler, or the error path); this only keeps a refusal nobody reached yet from being reported as unhandled.
  check.catch(() => undefined);
  deferredCheckSlot.attach(request, check);
}

/** Resolves once the request's deferred check (if any) allowed it; rejects with its refusal. */
export const deferredCheckOf = (request: FastifyRequest): Promise<unknown> => deferredCheckSlot.maybe(request) ?? Promise.resolve();

/**
 * Answers an error found while the request's deferred check may still be running: after the check,
 * with the check's refusal if it refused (it would have stopped the request first), else the error.
 */
export function settleAfterDeferredCheck(request: FastifyRequest, error: unknown, answer: (failure: unknown) => void): void {
  const pending = deferredCheckSlot.maybe(request);
  if (!pending) return answer(error);
  pending.then(
    () => answer(error),
    (refusal: unknown) => answer(refusal),
  );
}
