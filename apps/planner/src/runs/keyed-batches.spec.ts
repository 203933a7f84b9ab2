import { KeyedBatches } from './keyed-batches';

/** A processor that records its batches and finishes each when the test says so. */
function recordingProcessor(failOn: (items: string[]) => boolean = () => false) {
  const batches: string[][] = [];
  const finishers: (() => void)[] = [];
  const process = (items: string[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(items);
      finishers.push(() => (failOn(items) ? reject(new Error(`cannot process ${items.join(',')}`)) : resolve()));
    });
  const finishNext = async () => {
    finishers.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, process, finishNext };
}

const outcomeOf = (promise: Promise<void>) => promise.then(() => 'done', (error: Error) => error.message);

describe('keyed batches', () => {
  it('given an idle key, when an item is submitted, then it is processed at once, alone', async () => {
    const processor = recordingProcessor();
    const batches = new KeyedBatches(processor.process, 10);

    const done = batches.submit('run-1', 'requested');

    expect(processor.batches).toEqual([['requested']]);
    await processor.finishNext();
    await expect(done).resolves.toBeUndefined();
  });

  it('given a batch in flight, when more items of its key arrive, then they go together in the next batch, and another key is not held up', async () => {
    const processor = recordingProcessor();
    const batches = new KeyedBatches(processor.process, 10);

    const first = batches.submit('run-1', 'requested');
    const waiting = ['routed', 'recalled', 'selected'].map((item) => batches.submit('run-1', item));
    const other = batches.submit('run-2', 'requested');

    expect(processor.batches).toEqual([['requested'], ['requested']]);
    await processor.finishNext();
    expect(processor.batches).toEqual([['requested'], ['requested'], ['routed', 'recalled', 'selected']]);
    await processor.finishNext();
    await processor.finishNext();
    expect(await Promise.all([first, ...waiting, other].map(outcomeOf))).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it('given more items waiting than a batch holds, when they are processed, then batches are cut at the limit', async () => {
    const processor = recordingProcessor();
    const batches = new KeyedBatches(processor.process, 2);

    const submitted = ['a', 'b', 'c', 'd'].map((item) => batches.submit('run-1', item));
    for (let batch = 0; batch < 3; batch++) await processor.finishNext();

    expect(processor.batches).toEqual([['a'], ['b', 'c'], ['d']]);
    expect(await Promise.all(submitted.map(outcomeOf))).toEqual(['done', 'done', 'done', 'done']);
  });

  it('given a batch that fails, when it is retried item by item, then only the item that cannot be processed fails', async () => {
    const processor = recordingProcessor((items) => items.includes('poison'));
    const batches = new KeyedBatches(processor.process, 10);

    const outcomes = ['requested', 'routed', 'poison', 'selected'].map((item) => outcomeOf(batches.submit('run-1', item)));
    for (let batch = 0; batch < 5; batch++) await processor.finishNext();

    expect(processor.batches).toEqual([['requested'], ['routed', 'poison', 'selected'], ['routed'], ['poison'], ['selected']]);
    expect(await Promise.all(outcomes)).toEqual(['done', 'done', 'cannot process poison', 'done']);
  });

  it('given a key whose batches are all done, when an item comes later, then it starts a batch of its own at once', async () => {
    const processor = recordingProcessor();
    const batches = new KeyedBatches(processor.process, 10);
    const first = batches.submit('run-1', 'requested');
    await processor.finishNext();
    await first;

    const later = batches.submit('run-1', 'step_completed');

    expect(processor.batches).toEqual([['requested'], ['step_completed']]);
    await processor.finishNext();
    await expect(later).resolves.toBeUndefined();
  });
});
