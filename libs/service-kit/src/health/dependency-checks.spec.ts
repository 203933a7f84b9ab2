import { checkDependencies } from './dependency-checks';

describe('dependency checks', () => {
  it('given probes that answer and fail, when checked, then each reports its own status', async () => {
    const checks = await checkDependencies({
      up: () => Promise.resolve('PONG'),
      down: () => Promise.reject(new Error('connect ECONNREFUSED postgres://user:secret@db')),
    });
    expect(checks.up.status).toBe('ok');
    expect(checks.down).toMatchObject({ status: 'failed', error: 'unreachable' });
    expect(JSON.stringify(checks)).not.toContain('secret');
  });

  it('given a probe that hangs, when checked, then it times out after a second', async () => {
    const checks = await checkDependencies({ hung: () => new Promise(() => undefined) });
    expect(checks.hung).toMatchObject({ status: 'failed', error: 'timed out' });
  });
});
