import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventAppender } from './event-appender';
import { EventsController } from './events.controller';

@Module({
  controllers: [EventsController],
  providers: [{ provide: EventAppender, inject: [DataSource], useFactory: (dataSource: DataSource) => new EventAppender(dataSource) }],
})
export class EventsModule {}
