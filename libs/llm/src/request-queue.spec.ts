import { RequestQueue } from './request-queue';

/** A task the test finishes by hand. */
function manualTask() {
  let finish!: (value: string) => void;
  let started = false;
  const done = new Promise<string>((resolve) => (finish = resolve));
  return {
    run: () => {
      started = true;
      return done;
    },
    finish: (value: string) => finish(value),
    get started() {
      return started;
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('request queue', () => {
  it('given free slots, when tasks arrive, then they run at once', async () => {
    const queue = new RequestQueue(2, 0);
    const [a, b] = [manualTask(), manualTask()];
    const results = [queue.run(a.run), queue.run(b.run)];
    await settle();
    expect([a.started, b.started]).toEqual([true, true]);
    a.finish('a');
    b.finish('b');
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b']);
  });

  it('given all slots busy, when a task arrives, then it waits and starts when a slot frees, in arrival order', async () => {
    const queue = new RequestQueue(1, 5);
    const [a, b, c] = [manualTask(), manualTask(), manualTask()];
    const results = [queue.run(a.run), queue.run(b.run), queue.run(c.run)];
    await settle();
    expect([a.started, b.started, c.started]).toEqual([true, false, false]);
    expect({ inFlight: queue.inFlight, queued: queue.queued }).toEqual({ inFlight: 1, queued: 2 });

    a.finish('a');
    await settle();
    expect([b.started, c.started]).toEqual([true, false]);
    b.finish('b');
    await settle();
    c.finish('c');
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c']);
    expect({ inFlight: queue.inFlight, queued: queue.queued }).toEqual({ inFlight: 0, queued: 0 });
  });

  it('given a full wait line, when one more task arrives, then it is refused at once with queue_full', async () => {
    const queue = new RequestQueue(1, 1);
    const [a, b, c] = [manualTask(), manualTask(), manualTask()];
    const first = queue.run(a.run);
    const second = queue.run(b.run);
    await expect(queue.run(c.run)).rejects.toMatchObject({ kind: 'queue_full', retryable: true });
    expect(c.started).toBe(false);
    a.finish('a');
    await settle();
    b.finish('b');
    await expect(Promise.all([first, second])).resolves.toEqual(['a', 'b']);
  });

  it('given a waiting task, when its caller aborts, then it leaves the line without running', async () => {
    const queue = new RequestQueue(1, 5);
    const [a, b, c] = [manualTask(), manualTask(), manualTask()];
    const first = queue.run(a.run);
    const controller = new AbortController();
    const abandoned = queue.run(b.run, controller.signal);
    const third = queue.run(c.run);
    controller.abort();
    await expect(abandoned).rejects.toMatchObject({ kind: 'aborted' });
    expect(queue.queued).toBe(1);

    a.finish('a');
    await settle();
    expect([b.started, c.started]).toEqual([false, true]);
    c.finish('c');
    await expect(Promise.all([first, third])).resolves.toEqual(['a', 'c']);
  });

  it('given a failing task, when it fails, then its slot is freed for the next', async () => {
    const queue = new RequestQueue(1, 1);
    const next = manualTask();
    const failing = queue.run(() => Promise.reject(new Error('boom')));
    const waiting = queue.run(next.run);
    await expect(failing).rejects.toThrow('boom');
    await settle();
    expect(next.started).toBe(true);
    next.finish('next');
    await expect(waiting).resolves.toBe('next');
  });
});
