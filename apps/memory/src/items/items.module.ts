import { Module } from '@nestjs/common';
import { EmbeddingsModule } from '../embeddings/embeddings.module';
import { ItemsController } from './items.controller';

/** Memory items (layer 2) stored on request, one at a time or in batches, with their embeddings. */
@Module({ imports: [EmbeddingsModule], controllers: [ItemsController] })
export class ItemsModule {}
