import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendLingerMsFromEnv } from './append-linger';
import { EventAppender } from './event-appender';
import { EventsController } from './events.controller';

@Module({
  controllers: [EventsController],
  providers: [{ provide: EventAppender, inject: [DataSource], useFactory: (dataSource: DataSource) => new EventAppender(dataSource, appendLingerMsFromEnv(process.env)) }],
})
export class EventsModule {}
