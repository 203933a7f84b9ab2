import { Module } from '@nestjs/common';
import { InFlightSteps } from './in-flight-steps';

@Module({ providers: [InFlightSteps], exports: [InFlightSteps] })
export class CancellationModule {}
