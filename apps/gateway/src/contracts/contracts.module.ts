import { Module } from '@nestjs/common';
import { ContractsClient } from './contracts.client';
import { ContractsController } from './contracts.controller';
import { TemplatesController } from './templates.controller';

@Module({ controllers: [ContractsController, TemplatesController], providers: [ContractsClient], exports: [ContractsClient] })
export class ContractsModule {}
