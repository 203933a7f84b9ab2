import { TickBatcher } from './tick-batcher';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A batcher that answers each input with `answer` and records the batches it was given. */
function recordingBatcher<T>(maxBatch: number, answer: (input: T) => T = (input) => input) {
  const batches: T[][] = [];
  const batcher = new TickBatcher<T, T>(async (inputs) => {
    batches.push(inputs);
    return inputs.map(answer);
  }, maxBatch);
  return { batcher, batches };
}

describe('TickBatcher', () => {
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
    const batcher = new TickBatcher<number, number>(async () => {
      throw new Error('redis is down');
    }, 10);
    const results = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(results).toEqual([
      { status: 'rejected', reason: new Error('redis is down') },
      { status: 'rejected', reason: new Error('redis is down') },
    ]);
  });

  it('given a run that throws before returning a promise, when a batch is sent, then the calls fail instead of the process', async () => {
    const batcher = new TickBatcher<number, number>(() => {
      throw new Error('bad arguments');
    }, 10);
    await expect(batcher.add(1)).rejects.toThrow('bad arguments');
  });

  it('given a run answering fewer results than inputs, when a batch is sent, then every call fails rather than some getting another caller\'s answer', async () => {
    const batcher = new TickBatcher<number, number>(async (inputs) => inputs.slice(1), 10);
    const results = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason.message).toBe('a batch of 2 was answered with 1 results');
  });

  it('given a batch size that is not a positive integer, when constructed, then it is refused', () => {
    expect(() => new TickBatcher(async (inputs: number[]) => inputs, 0)).toThrow('maxBatch must be a positive integer, got 0');
  });
});
