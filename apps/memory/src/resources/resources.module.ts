import { Module } from '@nestjs/common';
import { ResourcesController } from './resources.controller';

/** Memory resources (layer 1): stored on request and from completed runs, read back with their items. */
@Module({ controllers: [ResourcesController] })
export class ResourcesModule {}
