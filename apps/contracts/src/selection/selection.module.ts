import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { SelectionController } from './selection.controller';

@Module({ imports: [ContractsModule], controllers: [SelectionController] })
export class SelectionModule {}
