import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { OutputCheckController } from './output-check.controller';
import { VerificationController } from './verification.controller';

@Module({ imports: [ContractsModule], controllers: [VerificationController, OutputCheckController] })
export class VerificationModule {}
