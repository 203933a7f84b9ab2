interface Entry<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Per key, one batch in flight: an item whose key has none starts one at once, and items arriving
 * meanwhile go together in the next. A batch of several that fails is retried item by item, so only
 * the item that cannot be processed fails, not those beside it. Each item's promise settles with
 * its own outcome.
 */
export class KeyedBatches<T> {
  private readonly waiting = new Map<string, Entry<T>[]>();

  constructor(
    private readonly process: (items: T[]) => Promise<void>,
    private readonly maxBatch: number,
  ) {}

  submit(key: string, item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      this.waiting.set(key, [{ item, resolve, reject }]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.waiting.get(key) as Entry<T>[];
    while (queue.length > 0) await this.run(queue.splice(0, this.maxBatch));
    this.waiting.delete(key);
  }

  private async run(batch: Entry<T>[]): Promise<void> {
    try {
      await this.process(batch.map((entry) => entry.item));
      batch.forEach((entry) => entry.resolve());
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const entry of batch) await this.run([entry]);
    }
  }
}
