/**
 * A user's first ten minutes (README "Installing topicform in your own repository", docs/install.md): build the
 * package, `npm pack` it, scaffold a fresh repository with `topicform init`, install the tarball there with npm from
 * the registry as a user would (the scaffold's own dependencies too — nothing resolves from this repository's
 * node_modules, so a missing runtime dependency fails here), then run the scaffold's synth, lint and tests.
 *
 * Needs the npm registry: skipped, with the reason in the test name, when `npm ping` fails. TOPICFORM_SKIP_PACK_TEST=1
 * skips it for a quick local run.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, DIST, ROOT } from '../../scripts/build';
import { CDKTF_PEER_RANGE } from '../../scripts/runtimes';

interface Manifest {
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function skipReason(): string | undefined {
  if (process.env.TOPICFORM_SKIP_PACK_TEST === '1') return 'TOPICFORM_SKIP_PACK_TEST=1';
  const ping = spawnSync(NPM, ['ping'], { encoding: 'utf8', timeout: 20_000 });
  if (ping.status !== 0) {
    const why = ping.error?.message ?? `${ping.stderr}`.trim().split('\n').slice(-1)[0] ?? `exit ${String(ping.status)}`;
    return `the npm registry is unreachable (npm ping: ${why})`;
  }
  return undefined;
}

const skip = skipReason();
const scratch = mkdtempSync(join(tmpdir(), 'topicform-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${String(result.status)}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

describe.skipIf(skip !== undefined)(`pack, init, install, synth, lint, test${skip === undefined ? '' : ` — SKIPPED: ${skip}`}`, () => {
  it('a scaffolded repository installs the packed tarball from the registry and synthesizes, lints and tests', () => {
    // 1. Build and pack, as a release does.
    build(() => undefined);
    run(NPM, ['pack', DIST, '--pack-destination', scratch, '--silent'], scratch);
    const tarballs = readdirSync(scratch).filter((f) => f.endsWith('.tgz'));
    expect(tarballs).toHaveLength(1);
    const tarball = tarballs[0] ?? '';

    // The tarball holds what users need and nothing else.
    const contents = run('tar', ['-tzf', tarball], scratch)
      .stdout.split('\n')
      .filter((line) => line !== '')
      .map((line) => line.replace(/^package\//, ''));
    for (const file of [
      'package.json',
      'README.md',
      'RULES.md',
      'CHANGELOG.md',
      'LICENSE',
      'cli/bin.js',
      'constructs/index.js',
      'constructs/index.d.ts',
      'cli/index.d.ts',
      'gen/provider-kafka/lib/index.js',
      'gen/provider-kafka/lib/index.d.ts',
      'gen/provider-kafka/lib/topic/index.js',
      'templates/main.ts.tmpl',
      'templates/github/CODEOWNERS.tmpl',
      'docs/threat-model.md',
      'docs/streams.md',
      'docs/runbooks/orders.md',
    ]) {
      expect(contents, file).toContain(file);
    }
    expect(contents.filter((f) => /^(test|bench|topics|scripts|node_modules|cdktf\.out|\.github)\//.test(f) || f === 'main.ts')).toEqual([]);
    expect(contents.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);

    // cdktf is a peer whose range admits cdktf 0.21 and CDK Terrain behind the npm alias (npm matches the alias by
    // cdktn's version); the exact versions built with are what init pins (docs/runtimes.md).
    const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
    const built = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8')) as Manifest;
    expect(built.peerDependencies).toEqual({ cdktf: CDKTF_PEER_RANGE, constructs: own.dependencies.constructs });
    expect(built.devDependencies).toEqual({ cdktf: own.dependencies.cdktf, constructs: own.dependencies.constructs });

    // 2. Scaffold a fresh repository with the packed build's init.
    const repo = join(scratch, 'repo');
    run(process.execPath, [join(DIST, 'cli', 'bin.js'), 'init', repo, '--tarball', join(scratch, tarball)], scratch);
    const scaffold = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Manifest;
    expect(scaffold.dependencies).toMatchObject({
      cdktf: own.dependencies.cdktf,
      constructs: own.dependencies.constructs,
      topicform: `file:vendor/${tarball}`,
    });
    for (const file of [
      'package.json',
      'tsconfig.json',
      'cdktf.json',
      'main.ts',
      'environments.ts',
      'topics/orders.ts',
      'test/synth.test.ts',
      'README.md',
      '.github/workflows/topicform-pr.yml',
      '.github/workflows/topicform-pr-review.yml',
      '.github/CODEOWNERS',
      `vendor/${tarball}`,
    ]) {
      expect(existsSync(join(repo, file)), file).toBe(true);
    }

    // 3. The scaffold's own `npm install`, as a user runs it: topicform from the vendored tarball (standing in for the
    // registry's), everything else from the registry.
    run(NPM, ['install', '--no-audit', '--no-fund'], repo);

    // 4. The README's two commands, and lint.
    expect(run(NPX, ['--no-install', 'topicform', 'synth'], repo).stdout).toMatch(
      /^lint: 0 error\(s\), \d+ warning\(s\), \d+ info, \d+ suppressed \(topicform lint lists every finding\); synthesized \d+ stack\(s\)/,
    );
    expect(existsSync(join(repo, 'cdktf.out', 'manifest.json'))).toBe(true);
    expect(run(NPX, ['--no-install', 'topicform', 'lint'], repo).stdout).toMatch(/0 error\(s\)/);
    // The CODEOWNERS init wrote is what `topicform codeowners` generates from the example's declarations.
    expect(run(NPX, ['--no-install', 'topicform', 'codeowners', '--check'], repo).stdout).toMatch(/is up to date/);
    run(NPM, ['test'], repo);
  }, 420_000);
});
