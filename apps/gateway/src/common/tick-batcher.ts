/**
 * Gathers the calls made in one turn of the event loop and hands them to `run` together, so that many
 * concurrent requests share one round trip (and one command's worth of client objects) instead of
 * one each. A batch starts after the I/O already waiting has been read (setImmediate), as ioredis's
 * auto-pipelining does; a full batch goes at once.
 */
export class TickBatcher<In, Out> {
  private waiting: { input: In; resolve: (output: Out) => void; reject: (error: unknown) => void }[] = [];

  constructor(
    /** Answers every input, in order; a rejection fails the whole batch. */
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly maxBatch: number,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error(`maxBatch must be a positive integer, got ${maxBatch}`);
  }

  add(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      const size = this.waiting.push({ input, resolve, reject });
      if (size === this.maxBatch) void this.send();
      else if (size === 1) setImmediate(() => void this.send());
    });
  }

  private async send(): Promise<void> {
    const batch = this.waiting;
    if (batch.length === 0) return;
    this.waiting = [];
    try {
      const outputs = await this.run(batch.map((call) => call.input));
      if (outputs.length !== batch.length) throw new Error(`a batch of ${batch.length} was answered with ${outputs.length} results`);
      batch.forEach((call, index) => call.resolve(outputs[index]));
    } catch (error) {
      batch.forEach((call) => call.reject(error));
    }
  }
}
