/**
 * Thrown by a handler when retrying can never help (the message itself is wrong): the message goes
 * straight to the dead-letter stream. Any other error is treated as retryable.
 */
export class NonRetryableError extends Error {
  constructor(
    message: string,
    readonly reason: DeadLetterReason = 'handler_rejected',
  ) {
    super(message);
  }
}

export type DeadLetterReason =
  | 'decode_failed'
  | 'validation_failed'
  | 'invalid_envelope'
  | 'unknown_version'
  | 'handler_rejected'
  | 'max_deliver_exhausted';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
