import type { FastifyRequest } from 'fastify';
import { deferCheck, deferredCheckOf, settleAfterDeferredCheck } from './deferred-check';

const request = () => ({}) as FastifyRequest;

function controlled() {
  let allow: () => void = () => undefined;
  let refuse: (reason: unknown) => void = () => undefined;
  const check = new Promise<void>((resolve, reject) => {
    allow = resolve;
    refuse = reject;
  });
  return { check, allow, refuse };
}

const turns = () => new Promise((resolve) => setImmediate(resolve));

/** A request whose check is still running when an invalid body is found: what was answered, and the check's outcome to decide. */
function invalidBodyWhileChecking() {
  const carrying = request();
  const { check, allow, refuse } = controlled();
  deferCheck(carrying, check);
  const answered: unknown[] = [];
  settleAfterDeferredCheck(carrying, 'invalid body', (failure) => answered.push(failure));
  return { carrying, answered, allow, refuse };
}

describe('deferred check', () => {
  it('given no deferred check, when an error is settled, then it is answered at once', () => {
    const answered: unknown[] = [];
    settleAfterDeferredCheck(request(), 'invalid body', (failure) => answered.push(failure));
    expect(answered).toEqual(['invalid body']);
  });

  it('given a check still running, when an error is found meanwhile, then it waits and gives way to the refusal', async () => {
    const { carrying, answered, refuse } = invalidBodyWhileChecking();
    await turns();
    expect(answered).toEqual([]);
    refuse('rate limited');
    await turns();
    expect(answered).toEqual(['rate limited']);
    await expect(deferredCheckOf(carrying)).rejects.toBe('rate limited');
  });

  it('given a check that allows the request, when an error was found meanwhile, then the error is answered after it', async () => {
    const { answered, allow } = invalidBodyWhileChecking();
    await turns();
    expect(answered).toEqual([]);
    allow();
    await turns();
    expect(answered).toEqual(['invalid body']);
  });

  it('given a refusal that nobody awaited yet, when it happens, then it is not reported as unhandled', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const { check, refuse } = controlled();
      deferCheck(request(), check);
      refuse('rate limited');
      await turns();
      await turns();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('given no deferred check, when it is awaited, then it resolves at once', async () => {
    await expect(deferredCheckOf(request())).resolves.toBeUndefined();
  });
});
