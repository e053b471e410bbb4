import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { init, renderTemplates } from '../../cli/commands/init';
import { main } from '../../cli/main';

const ROOT = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'topicform-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = (chunk: string | Uint8Array) => ((stdout += String(chunk)), true);
  process.stderr.write = (chunk: string | Uint8Array) => ((stderr += String(chunk)), true);
  try {
    const code = await main(['node', 'topicform', ...args]);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('topicform init', () => {
  it('scaffolds the repository a user needs', async () => {
    const dir = join(scratch, 'My Topics');
    const { code, stdout } = await cli('init', dir);
    expect(code).toBe(0);
    expect(stdout).toContain('npm install && npx topicform synth');
    const expected = [
      '.github/workflows/topicform-pr.yml',
      '.github/workflows/topicform-pr-review.yml',
      '.github/CODEOWNERS',
      '.github/workflows/topicform-deploy.yml',
      '.gitignore',
      'README.md',
      'cdktf.json',
      'environments.ts',
      'main.ts',
      'package.json',
      'test/synth.test.ts',
      'topics/index.ts',
      'topics/orders.ts',
      'tsconfig.json',
    ];
    for (const file of expected) expect(existsSync(join(dir, file)), file).toBe(true);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
    const tool = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
    expect(pkg.name).toBe('my-topics');
    expect(pkg.dependencies).toMatchObject({ topicform: `^${tool.version}`, cdktf: tool.dependencies.cdktf, constructs: tool.dependencies.constructs });
    const cdktf = JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8')) as { app: string; terraformProviders: string[] };
    expect(cdktf).toMatchObject({ app: 'npx tsx main.ts', terraformProviders: ['mongey/kafka@~> 0.13.1'] });
    expect(readFileSync(join(dir, '.github/workflows/topicform-pr.yml'), 'utf8')).toContain('TOPICFORM: npx topicform');
    // CODEOWNERS: the platform team owns what decides how every domain reaches the cluster, last so nothing overrides it.
    const owners = readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8').trimEnd().split('\n');
    expect(owners.slice(-13)).toEqual(
      [
        'environments.ts',
        'review-acknowledgements.yaml',
        '.github/',
        '.gitlab/',
        '.gitlab-ci.yml',
        'atlantis.yaml',
        'package.json',
        'package-lock.json',
        '.npmrc',
        'vendor/',
        'cdktf.json',
        'main.ts',
        'tsconfig.json',
      ].map((p) => `/${p} @acme/platform-team`),
    );
    expect((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { topicform: { platformOwner: string } }).topicform.platformOwner).toBe(
      '@acme/platform-team',
    );
    expect(readFileSync(join(dir, '.github/workflows/topicform-pr.yml'), 'utf8')).toContain('${{ github.event.pull_request.number }}');
    const chosen = await cli('init', join(scratch, 'chosen'), '--platform-owner', '@example/kafka-platform');
    expect(chosen.code).toBe(0);
    expect(readFileSync(join(scratch, 'chosen', '.github/CODEOWNERS'), 'utf8')).toContain('\n/.github/ @example/kafka-platform\n');
    expect((await cli('init', join(scratch, 'bad'), '--platform-owner', 'platform')).stderr).toMatch(/must be a team handle/);
  });

  it('refuses to overwrite existing files, listing them and writing nothing, unless --force', async () => {
    const dir = join(scratch, 'existing');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.ts'), 'mine\n');
    const refused = await cli('init', dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('main.ts');
    expect(refused.stderr).toContain('--force');
    expect(readdirSync(dir)).toEqual(['main.ts']);
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toBe('mine\n');

    const forced = await cli('init', dir, '--force', '--name', 'kafka-platform');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toContain('buildApp');
    expect((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string }).name).toBe('kafka-platform');
    // A second forced run changes nothing.
    expect(init(dir, { force: true, name: 'kafka-platform' }).written).toEqual([]);
  });

  it('--tarball copies a release tarball to vendor/ and depends on it, so the scaffold installs before a release is published', async () => {
    const release = join(scratch, 'release');
    mkdirSync(release, { recursive: true });
    const bytes = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x7f]); // not text: copied byte for byte
    const tarball = join(release, 'topicform-1.4.0.tgz');
    writeFileSync(tarball, bytes);
    const dir = join(scratch, 'vendored');
    const { code, stdout } = await cli('init', dir, '--tarball', tarball);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'vendor', 'topicform-1.4.0.tgz')).equals(bytes)).toBe(true);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.topicform).toBe('file:vendor/topicform-1.4.0.tgz');
    expect(stdout).toContain('commit vendor/ with package-lock.json');
    expect(stdout).not.toContain('--tarball <topicform-<version>.tgz>');
    // Without it, the message says the registry has no release yet and how to scaffold anyway.
    const registry = await cli('init', join(scratch, 'registry'));
    expect(registry.stdout).toContain('run init again with\n  --tarball <topicform-<version>.tgz>');

    // A second run finds the vendored tarball among the files it would overwrite; --force with the same bytes writes nothing.
    const again = await cli('init', dir, '--tarball', tarball);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('vendor/topicform-1.4.0.tgz');
    expect(init(dir, { force: true, tarball }).written).toEqual([]);
  });

  it('--tarball refuses, writing nothing, a file that is not a topicform release tarball or cannot be read', async () => {
    const other = join(scratch, 'left-pad-1.3.0.tgz');
    writeFileSync(other, 'x');
    for (const [tarball, message] of [
      [other, /is not a topicform release tarball \(npm pack \.\/dist names it topicform-<version>\.tgz\)/],
      [join(scratch, 'missing', 'topicform-1.0.0.tgz'), /topicform-1\.0\.0\.tgz" cannot be read: ENOENT/],
    ] as const) {
      const dir = join(scratch, `refused-${basename(tarball)}`);
      const refused = await cli('init', dir, '--tarball', tarball);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(message);
      expect(existsSync(dir)).toBe(false);
    }
  });

  it('has --help', async () => {
    const { code, stdout } = await cli('init', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--force');
  });

  it('pins the toolchain like this repository', () => {
    const scaffold = JSON.parse(renderTemplates('x').get('package.json') ?? '{}') as { devDependencies: Record<string, string> };
    const tool = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    for (const name of ['typescript', 'vitest', '@types/node']) expect(scaffold.devDependencies[name], name).toBe(tool.devDependencies[name]);
    expect(scaffold.devDependencies.tsx).toBe(tool.dependencies.tsx);
  });

  it("writes the CODEOWNERS that `topicform codeowners` generates from the scaffold's own declarations, for any platform owner", () => {
    // The scaffold runs against this repository's source: its node_modules resolves topicform (and topicform/cli,
    // topicform/model) to it and cdktf, constructs and zod to this repository's copies, so no registry is needed.
    // pack-and-init.test.ts repeats the check on the packed and installed package.
    for (const owner of ['@acme/platform-team', '@example/kafka-platform']) {
      const dir = join(scratch, `codeowners-${owner.replace(/\W/g, '-')}`);
      expect(init(dir, { platformOwner: owner }).ok).toBe(true);
      const modules = join(dir, 'node_modules');
      mkdirSync(join(modules, 'topicform'), { recursive: true });
      for (const name of ['cdktf', 'constructs', 'zod']) symlinkSync(join(ROOT, 'node_modules', name), join(modules, name), 'junction');
      writeFileSync(
        join(modules, 'topicform', 'package.json'),
        JSON.stringify({ name: 'topicform', exports: { '.': './index.ts', './cli': './cli.ts', './model': './model.ts' } }),
      );
      for (const [file, target] of [
        ['index.ts', 'constructs/index'],
        ['cli.ts', 'cli/index'],
        ['model.ts', 'model/schema/index'],
      ] as const) {
        writeFileSync(join(modules, 'topicform', file), `export * from ${JSON.stringify(join(ROOT, target))};\n`);
      }
      const check = spawnSync(process.execPath, [join(ROOT, 'bin', 'topicform.js'), 'codeowners', '--check'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect(`${check.stdout}${check.stderr}`, owner).toContain('.github/CODEOWNERS is up to date');
      expect(check.status).toBe(0);
      expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toContain(`\n* ${owner}\n`);
    }
  }, 240_000);

  it.each([
    [
      'gitlab',
      ['.gitlab-ci.yml', '.gitlab/topicform-jobs.yml', '.gitlab/topicform-stacks.yml', '.gitlab/CODEOWNERS'],
      ['ci', 'gitlab-stacks', '--check'],
      '.gitlab/topicform-stacks.yml is up to date',
    ],
    ['atlantis', ['atlantis.yaml', 'CODEOWNERS'], ['atlantis', '--check'], 'atlantis.yaml is up to date'],
  ] as const)(
    "--ci %s writes its CI files, generated from the scaffold's own stacks, and no GitHub workflow",
    (ci, expected, check, upToDate) => {
      const dir = join(scratch, `ci-${ci}`);
      expect(init(dir, { ci }).ok).toBe(true);
      for (const file of expected) expect(existsSync(join(dir, file)), file).toBe(true);
      expect(existsSync(join(dir, '.github'))).toBe(false);
      expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain(expected[expected.length - 1] ?? '');
      const modules = join(dir, 'node_modules');
      mkdirSync(join(modules, 'topicform'), { recursive: true });
      for (const name of ['cdktf', 'constructs', 'zod']) symlinkSync(join(ROOT, 'node_modules', name), join(modules, name), 'junction');
      writeFileSync(
        join(modules, 'topicform', 'package.json'),
        JSON.stringify({ name: 'topicform', exports: { '.': './index.ts', './cli': './cli.ts', './model': './model.ts' } }),
      );
      for (const [file, target] of [
        ['index.ts', 'constructs/index'],
        ['cli.ts', 'cli/index'],
        ['model.ts', 'model/schema/index'],
      ] as const) {
        writeFileSync(join(modules, 'topicform', file), `export * from ${JSON.stringify(join(ROOT, target))};\n`);
      }
      for (const [args, expectedText] of [
        [check, upToDate],
        [['codeowners', '--check'], `${expected[expected.length - 1] ?? ''} is up to date`],
      ] as const) {
        const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'topicform.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
        expect(`${run.stdout}${run.stderr}`, args.join(' ')).toContain(expectedText);
        expect(run.status).toBe(0);
      }
    },
    240_000,
  );

  it('ships the CI workflows of this repository, running the installed topicform', () => {
    const dir = join(ROOT, '.github', 'workflows');
    const files = renderTemplates('x');
    for (const name of existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('topicform-')) : []) {
      const ours = readFileSync(join(dir, name), 'utf8')
        .replace(/^ {2}# In a repository that depends on topicform, use `npx topicform`\.\n/m, '')
        .replace(/^ {2}TOPICFORM: node bin\/topicform\.js$/m, '  TOPICFORM: npx topicform');
      expect(files.get(`.github/workflows/${name}`), `templates/github/workflows/${name}.tmpl is out of date with .github/workflows/${name}`).toBe(ours);
    }
  });
});
