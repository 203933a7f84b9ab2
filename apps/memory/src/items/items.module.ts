import { Module } from '@nestjs/common';
import { ItemsController } from './items.controller';

/** Memory items (layer 2): storing and searching them on request. */
@Module({ controllers: [ItemsController] })
export class ItemsModule {}
