import { startPlatformProcesses, type PlatformProcesses } from '@sigil/local-stack';
import { testInfrastructure, testStateDir } from '@sigil/testing';
import path from 'node:path';

export type RunningPlatform = PlatformProcesses;

/**
 * The eight services as real processes from the build, on free ports, against the harness servers:
 * each in a process of its own, or grouped into the given host processes.
 */
export function startPlatform(extraEnv: Record<string, string>, hosts?: string[][], prefix = 'e2e'): Promise<RunningPlatform> {
  return startPlatformProcesses(path.resolve(import.meta.dirname, '../..'), testStateDir(), testInfrastructure(), extraEnv, prefix, hosts);
}
