import { Module } from '@nestjs/common';
import { RetrievalModule } from '../retrieval/retrieval.module';
import { RecallController } from './recall.controller';

/** The run's memory: answers every `run.requested` with `memory.recalled`, by the same retrieval as a search. */
@Module({ imports: [RetrievalModule], controllers: [RecallController] })
export class RecallModule {}
