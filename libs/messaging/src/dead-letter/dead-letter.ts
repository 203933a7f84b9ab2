import type { JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/nats-core';
import { Header } from '../envelope/envelope';
import type { DeadLetterReason } from '../transport/handler-errors';
import { deadLetterSubject } from '../streams/stream-topology';

export const DeadLetterHeader = {
  reason: 'sigil-dlq-reason',
  error: 'sigil-dlq-error',
  consumer: 'sigil-dlq-consumer',
  deliveryCount: 'sigil-dlq-delivery-count',
  originalSubject: 'sigil-dlq-original-subject',
  originalStream: 'sigil-dlq-original-stream',
  originalSequence: 'sigil-dlq-original-sequence',
  originalMsgId: 'sigil-dlq-original-msg-id',
  deadLetteredAt: 'sigil-dlq-time',
} as const;

/** The message as it was delivered, and where it came from. */
export interface FailedMessage {
  subject: string;
  data: Uint8Array;
  headers?: MsgHdrs;
  stream: string;
  streamSequence: number;
}

export interface DeadLetterCause {
  reason: DeadLetterReason;
  error: string;
  consumer: string;
  deliveryCount: number;
}

const MAX_ERROR_LENGTH = 1_000;

export function deadLetterHeaders(message: FailedMessage, cause: DeadLetterCause): MsgHdrs {
  const h = natsHeaders();
  for (const [key, values] of message.headers ?? []) {
    for (const value of values) h.append(key, value);
  }
  const originalMsgId = message.headers?.get(Header.msgId);
  if (originalMsgId) h.set(DeadLetterHeader.originalMsgId, originalMsgId);
  // One dead letter per (stream sequence, consumer): the client path and the max-deliveries
  // advisory path may both report the same failure, and JetStream drops the second.
  h.set(Header.msgId, deadLetterId(message.stream, message.streamSequence, cause.consumer));
  h.set(DeadLetterHeader.reason, cause.reason);
  h.set(DeadLetterHeader.error, cause.error.slice(0, MAX_ERROR_LENGTH).replace(/[\r\n]+/g, ' '));
  h.set(DeadLetterHeader.consumer, cause.consumer);
  h.set(DeadLetterHeader.deliveryCount, String(cause.deliveryCount));
  h.set(DeadLetterHeader.originalSubject, message.subject);
  h.set(DeadLetterHeader.originalStream, message.stream);
  h.set(DeadLetterHeader.originalSequence, String(message.streamSequence));
  h.set(DeadLetterHeader.deadLetteredAt, new Date().toISOString());
  return h;
}

export function deadLetterId(stream: string, sequence: number, consumer: string): string {
  return `dlq:${stream}:${sequence}:${consumer}`;
}

/** Publishes the dead letter and waits for JetStream to store it; throws if it could not. */
export async function publishDeadLetter(js: JetStreamClient, message: FailedMessage, cause: DeadLetterCause): Promise<void> {
  const h = deadLetterHeaders(message, cause);
  await js.publish(deadLetterSubject(message.subject), message.data, { headers: h, msgID: h.get(Header.msgId) });
}
