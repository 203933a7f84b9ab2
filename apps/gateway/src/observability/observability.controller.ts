import { Controller, Get, Header, HttpStatus, Inject, Res } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/nats-core';
import { checkDependencies, NATS_CONNECTION, PublicRoute, REDIS } from '@sigil/service-kit';
import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { overallHealth } from './health-status';
import { httpMetrics } from './http-metrics';

@Controller()
@PublicRoute()
export class ObservabilityController {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly dataSource: DataSource,
  ) {}

  /** Unauthenticated dependency health (deployment guide §8.2); 503 only when unhealthy. */
  @Get('health')
  @Header('cache-control', 'no-cache')
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks = await checkDependencies({
      database: () => this.dataSource.query('SELECT 1'),
      message_bus: () => this.nats.flush(),
      cache: () => this.redis.ping(),
    });
    const status = overallHealth({ database: checks.database, message_bus: checks.message_bus, cache: checks.cache });
    reply.status(status === 'unhealthy' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return { status, checks, timestamp: new Date().toISOString() };
  }

  @Get('metrics')
  async metrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', httpMetrics.registry.contentType);
    return httpMetrics.registry.metrics();
  }
}
