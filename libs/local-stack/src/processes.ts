import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';

export interface BackgroundProcess {
  name: string;
  command: string;
  args: string[];
  /** Where the pid and log files live. */
  stateDir: string;
  env?: NodeJS.ProcessEnv;
  /** Run as this system user (PostgreSQL refuses to run as root). */
  runAs?: string;
}

export function pidFile(stateDir: string, name: string): string {
  return path.join(stateDir, `${name}.pid`);
}

export function logFile(stateDir: string, name: string): string {
  return path.join(stateDir, `${name}.log`);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function runningPid(stateDir: string, name: string): number | undefined {
  const file = pidFile(stateDir, name);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/** Starts a detached process logging to `<stateDir>/<name>.log`; a running one is left alone. */
export function startBackground(spec: BackgroundProcess): number {
  const existing = runningPid(spec.stateDir, spec.name);
  if (existing) return existing;
  mkdirSync(spec.stateDir, { recursive: true });
  const log = openSync(logFile(spec.stateDir, spec.name), 'a');
  const [command, args] = spec.runAs ? ['runuser', ['-u', spec.runAs, '--', spec.command, ...spec.args]] : [spec.command, spec.args];
  const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log], env: spec.env ?? process.env });
  closeSync(log);
  child.unref();
  if (!child.pid) throw new Error(`could not start ${spec.name} (${spec.command})`);
  writeFileSync(pidFile(spec.stateDir, spec.name), String(child.pid));
  return child.pid;
}

/** Stops a background process (its whole process group) and waits until it is gone. */
export async function stopBackground(
  stateDir: string,
  name: string,
  signal: NodeJS.Signals = 'SIGTERM',
  timeoutMs = 15_000,
): Promise<boolean> {
  const pid = runningPid(stateDir, name);
  rmSync(pidFile(stateDir, name), { force: true });
  if (!pid) return false;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      try {
        process.kill(pid, signal);
      } catch {
        /* already gone */
      }
    }
  };
  signalGroup(signal);
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) signalGroup('SIGKILL');
  return true;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function portIsOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000, logPath?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(200);
  }
  const tail = logPath && existsSync(logPath) ? `\n--- ${logPath} ---\n${readFileSync(logPath, 'utf8').slice(-2_000)}` : '';
  throw new Error(`${what} did not become ready within ${timeoutMs} ms${tail}`);
}

export function runOrThrow(command: string, args: string[], runAs?: string, env?: NodeJS.ProcessEnv): string {
  const [cmd, argv] = runAs ? ['runuser', ['-u', runAs, '--', command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8', env: env ?? process.env });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}
