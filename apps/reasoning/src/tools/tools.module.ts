import { Module } from '@nestjs/common';
import { BuiltinTools } from './builtin-tools';

@Module({ providers: [BuiltinTools], exports: [BuiltinTools] })
export class ToolsModule {}
