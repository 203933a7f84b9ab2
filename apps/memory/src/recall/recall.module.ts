import { Module } from '@nestjs/common';
import { RecallController } from './recall.controller';

/** The run's memory: answers `memory.recall_requested` with `memory.recalled`. */
@Module({ controllers: [RecallController] })
export class RecallModule {}
