import { Module } from '@nestjs/common';
import { MemoryClient } from './memory.client';
import { MemoryController } from './memory.controller';

@Module({ controllers: [MemoryController], providers: [MemoryClient] })
export class MemoryModule {}
