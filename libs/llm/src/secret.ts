const REDACTED = '[redacted]';

/**
 * A credential that cannot leak by accident: logging, string interpolation, JSON and
 * `util.inspect` all show `[redacted]`; only `reveal()` gives the value, at the one place that
 * needs it (the SDK client).
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }
}
