/**
 * `npm run build`: the publishable package, in dist/.
 *
 * dist/ is the package root (`npm pack ./dist`, `npm publish ./dist`): compiled JavaScript with declarations of what
 * the entry points in tsconfig.build.json reach (constructs, model, rules, artifacts, cli and whatever else they
 * import), the generated provider bindings under gen/provider-kafka (the `topicform/provider-kafka` subpath), the
 * scaffold templates for `topicform init`, the docs, and a package.json generated from the repository's:
 *
 * - the repository's package.json stays the development manifest (private, devDependencies, the `file:` link to the
 *   bindings that tsx, tsc and vitest use); the published one has no `file:` dependency and no scripts, and cdktf and
 *   constructs are peerDependencies, so a user's app loads exactly one copy of each. The cdktf peer range admits
 *   cdktf 0.21 and CDK Terrain behind the npm alias (scripts/runtimes.ts); its devDependencies are only the exact
 *   cdktf and constructs versions this build was made and tested with, which `topicform init` pins a new repository to
 *   (npm never installs a dependency's devDependencies);
 * - its runtime dependencies are the packages the compiled files actually require: a package required by dist/ that
 *   the repository lists only as a devDependency is published as a dependency (with a warning), and one it does not
 *   list at all fails the build, so a missing runtime dependency is found here rather than in a user's repo.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { CDKTF_PEER_RANGE } from './runtimes';

export const ROOT = join(__dirname, '..');
export const DIST = join(ROOT, 'dist');

/** The package's public entry points: subpath → compiled module (relative to dist/, without extension). */
export const ENTRY_POINTS: Readonly<Record<string, string>> = {
  '.': 'constructs/index',
  './model': 'model/schema/index',
  './rules': 'rules/run',
  './cli': 'cli/index',
  './provider-kafka': 'gen/provider-kafka/lib/index',
};

/** Top-level files copied verbatim into the package. */
const TOP_LEVEL_DOCS = ['README.md', 'RULES.md', 'CHANGELOG.md', 'LICENSE'] as const;

/**
 * Every file the package carries verbatim, at the same paths: the top-level files and the whole docs/ folder. The
 * README, RULES.md, the workflows init writes and the CLI's messages link to pages under docs/, and a user reading the
 * installed package offline follows those links; packing a hand-picked few left most of them dangling.
 */
export function packagedDocs(root: string = ROOT): string[] {
  const pages = listFiles(join(root, 'docs'))
    .map((file) => `docs/${file.split(sep).join('/')}`)
    .sort();
  return [...TOP_LEVEL_DOCS, ...pages];
}

/** The repository's dependencies that never reach the published manifest. */
const DEVELOPMENT_ONLY = new Set(['@cdktf/provider-kafka']);
/** Loaded by the user's app too: one copy, the user's. */
const PEERS = ['cdktf', 'constructs'] as const;

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  readonly license?: string;
  readonly engines?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly [key: string]: unknown;
}

export function build(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): void {
  rmSync(DIST, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed:\n${tsc.stdout}${tsc.stderr}`);

  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const files = listFiles(DIST);
  const required = requiredPackages(files);
  if (required.has('@cdktf/provider-kafka')) {
    throw new Error(
      `dist requires @cdktf/provider-kafka (${[...(required.get('@cdktf/provider-kafka') ?? [])].join(', ')}): library code must import the bindings by relative path`,
    );
  }
  const bindings = files.filter((f) => f.startsWith(`gen${sep}provider-kafka${sep}lib${sep}`) && f.endsWith('.js'));
  if (bindings.length === 0) throw new Error('the provider bindings were not compiled into dist/gen/provider-kafka');

  const dependencies: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, from] of [...required.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if ((PEERS as readonly string[]).includes(name)) continue;
    const version = root.dependencies?.[name] ?? root.devDependencies?.[name];
    if (version === undefined || DEVELOPMENT_ONLY.has(name)) {
      missing.push(`${name} (required by ${[...from].join(', ')})`);
      continue;
    }
    if (root.dependencies?.[name] === undefined) {
      log(
        `warning: ${name} is a devDependency of the repository but dist/${[...from][0] ?? ''} requires it at run time; published as a dependency — move it to "dependencies"`,
      );
    }
    dependencies[name] = version;
  }
  if (missing.length > 0) throw new Error(`dist requires packages package.json does not list:\n  ${missing.join('\n  ')}`);
  // tsx loads the user's TypeScript app (cli/bin.js registers it), whether or not a compiled file names it.
  const tsxVersion = root.dependencies?.tsx;
  if (tsxVersion === undefined) throw new Error('package.json must list tsx in dependencies: the CLI loads the user’s TypeScript app through it');
  dependencies.tsx = tsxVersion;

  const peerDependencies: Record<string, string> = {};
  const testedWith: Record<string, string> = {};
  for (const name of PEERS) {
    const version = root.dependencies?.[name];
    if (version === undefined) throw new Error(`package.json must list ${name} in dependencies`);
    peerDependencies[name] = name === 'cdktf' ? CDKTF_PEER_RANGE : version;
    testedWith[name] = version;
  }

  const exportsMap: Record<string, unknown> = {};
  const typesVersions: Record<string, string[]> = {};
  for (const [subpath, module] of Object.entries(ENTRY_POINTS)) {
    if (!existsSync(join(DIST, `${module}.js`))) throw new Error(`entry point ${subpath} → ${module}.js was not compiled`);
    exportsMap[subpath] = { types: `./${module}.d.ts`, default: `./${module}.js` };
    if (subpath !== '.') typesVersions[subpath.slice(2)] = [`${module}.d.ts`];
  }
  exportsMap['./package.json'] = './package.json';

  const manifest = {
    name: root.name,
    version: root.version,
    description: root.description,
    license: root.license,
    keywords: ['kafka', 'terraform', 'cdktf', 'gitops', 'event-driven'],
    type: 'commonjs',
    engines: root.engines,
    bin: { topicform: 'cli/bin.js' },
    main: `${ENTRY_POINTS['.'] ?? ''}.js`,
    types: `${ENTRY_POINTS['.'] ?? ''}.d.ts`,
    exports: exportsMap,
    // For TypeScript's node10 resolution, which ignores `exports`.
    typesVersions: { '*': typesVersions },
    files: ['**/*.js', '**/*.d.ts', 'templates/', ...TOP_LEVEL_DOCS, 'docs/'],
    dependencies,
    peerDependencies,
    devDependencies: testedWith,
  };

  const templates = join(ROOT, 'templates');
  if (!existsSync(templates)) throw new Error('templates/ is missing: topicform init has nothing to write');
  cpSync(templates, join(DIST, 'templates'), { recursive: true });
  for (const doc of packagedDocs()) {
    if (!existsSync(join(ROOT, doc))) throw new Error(`${doc} is missing`);
    mkdirSync(dirname(join(DIST, doc)), { recursive: true });
    copyFileSync(join(ROOT, doc), join(DIST, doc));
  }
  mkdirSync(DIST, { recursive: true });
  writeFileSync(join(DIST, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  chmodSync(join(DIST, 'cli', 'bin.js'), 0o755);
  log(
    `built ${manifest.name}@${manifest.version} in ${relative(process.cwd(), DIST) || '.'}: ${files.filter((f) => f.endsWith('.js')).length} modules, dependencies ${Object.keys(dependencies).join(', ')}; peers ${PEERS.join(', ')}`,
  );
}

/** Package names the compiled files require, each with the files that require it. */
function requiredPackages(files: readonly string[]): Map<string, Set<string>> {
  const builtins = new Set(builtinModules);
  const found = new Map<string, Set<string>>();
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    const source = readFileSync(join(DIST, file), 'utf8');
    for (const match of source.matchAll(/\brequire\(\s*["']([^"'.][^"']*)["']\s*\)/g)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('node:') || specifier.startsWith('/')) continue;
      const parts = specifier.split('/');
      const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
      if (builtins.has(name)) continue;
      const from = found.get(name) ?? new Set<string>();
      from.add(file.split(sep).join('/'));
      found.set(name, from);
    }
  }
  return found;
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, base) : [relative(base, full)];
  });
}

if (require.main === module) {
  try {
    build();
  } catch (error) {
    process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
