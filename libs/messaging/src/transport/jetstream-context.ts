import { BaseRpcContext } from '@nestjs/microservices';
import type { JsMsg } from '@nats-io/jetstream';
import type { Envelope } from '../envelope/envelope';

/** What an event handler gets besides its payload: the envelope and the delivery. */
export class JetStreamContext extends BaseRpcContext<[JsMsg, Envelope, string]> {
  get message(): JsMsg {
    return this.args[0];
  }

  get envelope(): Envelope {
    return this.args[1];
  }

  /** The durable consumer this delivery came through (the inbox is keyed by it). */
  get consumerName(): string {
    return this.args[2];
  }

  get deliveryCount(): number {
    return this.message.info.deliveryCount;
  }

  /** Extends the ack lease of a long-running handler. */
  working(): void {
    this.message.working();
  }
}

/** What a query handler gets: the caller's correlation from the request headers. */
export class QueryContext extends BaseRpcContext<[Envelope]> {
  get envelope(): Envelope {
    return this.args[0];
  }
}
