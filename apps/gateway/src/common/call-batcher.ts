export interface CallBatching {
  /** The most calls one batch takes; a full batch goes at once. */
  maxBatch: number;
  /**
   * How long the first call of a batch waits for others. 0: the calls of one turn of the event loop
   * go together, sent after the I/O already waiting has been read (setImmediate), as ioredis's
   * auto-pipelining does.
   */
  lingerMs?: number;
}

/**
 * Gathers calls and hands them to `run` together, so that they share one round trip (and one
 * command's worth of client objects) instead of one each.
 */
export class CallBatcher<In, Out> {
  private waiting: { input: In; resolve: (output: Out) => void; reject: (error: unknown) => void }[] = [];
  private readonly maxBatch: number;
  private readonly lingerMs: number;
  private timer?: NodeJS.Timeout;

  constructor(
    /** Answers every input, in order; a rejection fails the whole batch. */
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    { maxBatch, lingerMs = 0 }: CallBatching,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error(`maxBatch must be a positive integer, got ${maxBatch}`);
    if (!Number.isFinite(lingerMs) || lingerMs < 0) throw new Error(`lingerMs must be a finite number of at least 0, got ${lingerMs}`);
    this.maxBatch = maxBatch;
    this.lingerMs = lingerMs;
  }

  add(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      const size = this.waiting.push({ input, resolve, reject });
      if (size === this.maxBatch) void this.send();
      else if (size === 1 && this.lingerMs === 0) setImmediate(() => void this.send());
      else if (size === 1) this.timer = setTimeout(() => void this.send(), this.lingerMs);
    });
  }

  private async send(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
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
