/** A query that could not be answered at all replies with an empty body and these headers. */
export const QueryErrorHeader = {
  code: 'sigil-query-error',
  message: 'sigil-query-error-message',
} as const;

export class QueryFailedError extends Error {
  constructor(
    readonly subject: string,
    readonly code: string,
    message: string,
  ) {
    super(`${subject}: ${code}: ${message}`);
  }
}
