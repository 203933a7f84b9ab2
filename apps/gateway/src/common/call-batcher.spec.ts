import { jest } from '@jest/globals';
import { CallBatcher } from './call-batcher';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A batcher that answers each input with `answer` and records the batches it was given. */
function recordingBatcher<T>(maxBatch: number, answer: (input: T) => T = (input) => input, lingerMs = 0) {
  const batches: T[][] = [];
  const batcher = new CallBatcher<T, T>(
    async (inputs) => {
      batches.push(inputs);
      return inputs.map(answer);
    },
    { maxBatch, lingerMs },
  );
  return { batcher, batches };
}

describe('CallBatcher', () => {
  it('given calls made in one turn of the event loop, when they are answered, then they went in one batch, in order', async () => {
    const { batcher, batches } = recordingBatcher<number>(100, (input) => input * 10);
    const answers = await Promise.all([1, 2, 3].map((input) => batcher.add(input)));
    expect(answers).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('given calls in two turns, when answered, then each turn is its own batch', async () => {
    const { batcher, batches } = recordingBatcher<string>(100);
    const first = batcher.add('a');
    await nextTurn();
    const second = batcher.add('b');
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(batches).toEqual([['a'], ['b']]);
  });

  it('given more calls than a batch holds, when added, then a full batch goes at once and the rest follow', async () => {
    const { batcher, batches } = recordingBatcher<number>(2);
    const answers = await Promise.all([1, 2, 3, 4, 5].map((input) => batcher.add(input)));
    expect(answers).toEqual([1, 2, 3, 4, 5]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('given a failing run, when a batch is sent, then every call in it fails with that error', async () => {
    const batcher = new CallBatcher<number, number>(
      async () => {
        throw new Error('redis is down');
      },
      { maxBatch: 10 },
    );
    const results = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(results).toEqual([
      { status: 'rejected', reason: new Error('redis is down') },
      { status: 'rejected', reason: new Error('redis is down') },
    ]);
  });

  it('given a run that throws before returning a promise, when a batch is sent, then the calls fail instead of the process', async () => {
    const batcher = new CallBatcher<number, number>(
      () => {
        throw new Error('bad arguments');
      },
      { maxBatch: 10 },
    );
    await expect(batcher.add(1)).rejects.toThrow('bad arguments');
  });

  it('given a run answering fewer results than inputs, when a batch is sent, then every call fails rather than some getting another caller\'s answer', async () => {
    const batcher = new CallBatcher<number, number>(async (inputs) => inputs.slice(1), { maxBatch: 10 });
    const results = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason.message).toBe('a batch of 2 was answered with 1 results');
  });

  it('given a batch size that is not a positive integer, when constructed, then it is refused', () => {
    expect(() => new CallBatcher(async (inputs: number[]) => inputs, { maxBatch: 0 })).toThrow('maxBatch must be a positive integer, got 0');
  });

  it('given a negative linger, when constructed, then it is refused', () => {
    expect(() => new CallBatcher(async (inputs: number[]) => inputs, { maxBatch: 1, lingerMs: -1 })).toThrow('lingerMs must be a finite number of at least 0, got -1');
  });

  describe('with a linger', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('given calls within the linger, when it ends, then they go in one batch and none went before', async () => {
      const { batcher, batches } = recordingBatcher<string>(100, (input) => input, 50);
      const first = batcher.add('a');
      await jest.advanceTimersByTimeAsync(30);
      const second = batcher.add('b');
      await jest.advanceTimersByTimeAsync(19);
      expect(batches).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      expect(await Promise.all([first, second])).toEqual(['a', 'b']);
      expect(batches).toEqual([['a', 'b']]);
    });

    it('given a call after a batch went, when the linger passes again, then it is a batch of its own, timed from its own arrival', async () => {
      const { batcher, batches } = recordingBatcher<string>(100, (input) => input, 50);
      const first = batcher.add('a');
      await jest.advanceTimersByTimeAsync(50);
      const second = batcher.add('b');
      await jest.advanceTimersByTimeAsync(49);
      expect(batches).toEqual([['a']]);
      await jest.advanceTimersByTimeAsync(1);
      expect(await Promise.all([first, second])).toEqual(['a', 'b']);
      expect(batches).toEqual([['a'], ['b']]);
    });

    it('given a batch filled within the linger, when the last call arrives, then it goes at once and its timer does not send an empty batch later', async () => {
      const { batcher, batches } = recordingBatcher<number>(2, (input) => input, 50);
      const full = Promise.all([batcher.add(1), batcher.add(2)]);
      await jest.advanceTimersByTimeAsync(0);
      expect(await full).toEqual([1, 2]);
      await jest.advanceTimersByTimeAsync(20);
      const late = batcher.add(3);
      // The full batch's first call would have sent the next batch at 50 ms, 30 ms into this one's linger.
      await jest.advanceTimersByTimeAsync(49);
      expect(batches).toEqual([[1, 2]]);
      await jest.advanceTimersByTimeAsync(1);
      expect(await late).toBe(3);
      expect(batches).toEqual([[1, 2], [3]]);
    });
  });
});
