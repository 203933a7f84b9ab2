import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { ServiceSettings } from '../config/service-settings';
import { NATS_CONNECTION, REDIS, SERVICE_SETTINGS } from '../platform/tokens';
import { PublicRoute } from '../http/public-route';
import { checkDependencies } from './dependency-checks';

@Controller()
@PublicRoute()
export class HealthController {
  constructor(
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly dataSource: DataSource,
  ) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  live() {
    return { status: 'ok', service: this.settings.serviceName };
  }

  /** Readiness: NATS, PostgreSQL and Redis all answer within a second. */
  @Get('readyz')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks = await checkDependencies({
      nats: () => this.nats.flush(),
      postgres: () => this.dataSource.query('SELECT 1'),
      redis: () => this.redis.ping(),
    });
    const ready = Object.values(checks).every((check) => check.status === 'ok');
    reply.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ready' : 'not_ready', service: this.settings.serviceName, checks };
  }
}
