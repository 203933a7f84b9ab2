import { Module } from '@nestjs/common';
import { TokenStreams } from './token-stream';

@Module({ providers: [TokenStreams], exports: [TokenStreams] })
export class StreamingModule {}
