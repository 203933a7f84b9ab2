import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'tools/proto/buf-checks.sh');
const runProto = path.join('proto', 'sigil', 'run', 'v1', 'run.proto');

/** The same check `./sigil test` runs, on a scratch repository holding a copy of proto/. */
describe('buf lint and buf breaking', () => {
  let repo: string;
  const git = (...args: string[]) => {
    const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  };
  const check = () => spawnSync(script, [repo], { encoding: 'utf8' });
  const edit = (change: (text: string) => string) => {
    const file = path.join(repo, runProto);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  };

  beforeEach(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'sigil-buf-'));
    cpSync(path.join(root, 'proto'), path.join(repo, 'proto'), { recursive: true });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'schemas');
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('compares a clean checkout with the previous commit, as CI sees it', () => {
    edit((text) => text.replace('  int64 requested_at_ms = 6;\n', '  int64 requested_at_ms = 6;\n  string locale = 100;\n'));
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'add a field');
    const result = check();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('buf lint and buf breaking (against HEAD~1) passed');
  });

  it('fails when a field is deleted from a message on the bus', () => {
    edit((text) => text.replace('  string input = 4;\n', ''));
    const result = check();
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/Previously present field "4" with name "input" on message "RunRequested" was deleted/);
  });

  it('fails when a field changes type', () => {
    edit((text) => text.replace('int64 requested_at_ms = 6;', 'string requested_at_ms = 6;'));
    const result = check();
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('requested_at_ms');
  });

  it('accepts an added field', () => {
    edit((text) => text.replace('  int64 requested_at_ms = 6;\n', '  int64 requested_at_ms = 6;\n  string locale = 100;\n'));
    const result = check();
    expect(result.stdout).toContain('buf lint and buf breaking (against HEAD) passed');
    expect(result.status).toBe(0);
  });

  it('fails lint on a message that breaks the STANDARD rules', () => {
    edit((text) => `${text}\nmessage bad_name {\n  string X = 1;\n}\n`);
    const result = check();
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/bad_name/);
  });
});
