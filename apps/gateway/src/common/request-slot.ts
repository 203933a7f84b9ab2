import type { FastifyRequest } from 'fastify';

/** A value a guard leaves on the request for what runs after it, under a symbol no one else holds. */
export function requestSlot<T>(name: string, missingMessage: string) {
  const key = Symbol(name);
  const slots = (request: FastifyRequest) => request as unknown as Record<symbol, T | undefined>;
  return {
    attach(request: FastifyRequest, value: T): void {
      slots(request)[key] = value;
    },
    maybe(request: FastifyRequest): T | undefined {
      return slots(request)[key];
    },
    /** The value; its absence is a wiring mistake (a route without the guard or decorator), said plainly. */
    of(request: FastifyRequest): T {
      const value = slots(request)[key];
      if (value === undefined) throw new Error(missingMessage);
      return value;
    },
  };
}
