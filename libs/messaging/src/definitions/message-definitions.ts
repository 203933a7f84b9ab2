import type { DescMessage, MessageShape } from '@bufbuild/protobuf';

/** Checks a decoded message beyond what protobuf decoding guarantees; returns the problems found. */
export type MessageValidator<S extends DescMessage> = (message: MessageShape<S>) => string[];

/**
 * A bus event: its CloudEvents type is also its subject (`sigil.<context>.v<major>.<message>`),
 * and it lives in the stream of its context.
 */
export interface EventDefinition<S extends DescMessage = DescMessage> {
  readonly type: string;
  readonly subject: string;
  readonly stream: string;
  readonly schema: S;
  readonly validate: MessageValidator<S>;
}

/** A request/reply query, answered by one service's queue group; never stored in a stream. */
export interface QueryDefinition<Req extends DescMessage = DescMessage, Res extends DescMessage = DescMessage> {
  readonly subject: string;
  readonly request: Req;
  readonly response: Res;
}

const SUBJECT_PATTERN = /^sigil\.([a-z_]+)\.v(\d+)\.([a-z_]+)$/;

export interface SubjectParts {
  context: string;
  major: number;
  message: string;
}

export function parseSubject(subject: string): SubjectParts | undefined {
  const match = SUBJECT_PATTERN.exec(subject);
  return match ? { context: match[1], major: Number(match[2]), message: match[3] } : undefined;
}

export function streamNameFor(context: string): string {
  return `SIGIL_${context.toUpperCase()}`;
}

/** Lists the fields that are empty, for required-field validation of decoded messages. */
export function requireFields<S extends DescMessage>(...fields: (keyof MessageShape<S> & string)[]): MessageValidator<S> {
  return (message) =>
    fields
      .filter((field) => {
        const value = (message as Record<string, unknown>)[field];
        return value === undefined || value === null || value === '';
      })
      .map((field) => `${field} is required`);
}

export function defineEvent<S extends DescMessage>(
  type: string,
  schema: S,
  validate: MessageValidator<S> = () => [],
): EventDefinition<S> {
  const parts = parseSubject(type);
  if (!parts) throw new Error(`event type ${type} does not follow sigil.<context>.v<major>.<message>`);
  return { type, subject: type, stream: streamNameFor(parts.context), schema, validate };
}

export function defineQuery<Req extends DescMessage, Res extends DescMessage>(
  subject: string,
  request: Req,
  response: Res,
): QueryDefinition<Req, Res> {
  if (!parseSubject(subject)) throw new Error(`query subject ${subject} does not follow sigil.<context>.v<major>.<name>`);
  return { subject, request, response };
}
