import { startPlatformProcesses, type PlatformProcesses } from '@sigil/local-stack';
import { testInfrastructure, testStateDir } from '@sigil/testing';
import path from 'node:path';

export type RunningPlatform = PlatformProcesses;

/** The eight services as real processes from the build, on free ports, against the harness servers. */
export function startPlatform(extraEnv: Record<string, string>): Promise<RunningPlatform> {
  return startPlatformProcesses(path.resolve(import.meta.dirname, '../..'), testStateDir(), testInfrastructure(), extraEnv, 'e2e');
}
