/**
 * `topicform init [dir]`: scaffolds a GitOps repository that depends on the topicform package — package.json,
 * tsconfig.json, cdktf.json, main.ts, environments.ts, topics/ with one example domain, a test that synthesizes and
 * lints it, a README, the CI configuration (`--ci github|gitlab|atlantis`: GitHub Actions workflows, a GitLab CI
 * pipeline, or an Atlantis repo config) and a CODEOWNERS giving the platform team (`--platform-owner`) what decides how
 * every domain reaches the cluster — from templates/ (shipped in the package).
 *
 * Until topicform is on the npm registry, `--tarball <topicform-<version>.tgz>` copies a release tarball to `vendor/` and
 * makes the scaffold depend on it (`file:vendor/…`), so the scaffold's own `npm install` works (README "Installing").
 *
 * Existing files are never overwritten unless `--force`: the command first checks every target and, when any exists,
 * lists them and writes nothing. Each file is written atomically (cli/write.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { PLATFORM_PATHS } from '../../access/codeowners';
import { ownerSchema } from '../../model/schema';
import { writeFileAtomic } from '../write';

/** templates/ in the repository (cli/commands/ → ../../templates) and in the package (same layout under dist/). */
export const TEMPLATES_DIR = join(__dirname, '..', '..', 'templates');
const TOOL_MANIFEST = join(__dirname, '..', '..', 'package.json');

/** The CI systems `init` scaffolds for (docs/ci-gitlab.md, docs/ci-atlantis.md); GitHub Actions is the default. */
export const CI_SYSTEMS = ['github', 'gitlab', 'atlantis'] as const;
export type CiSystem = (typeof CI_SYSTEMS)[number];

/** Where each CI system's CODEOWNERS goes: GitHub and GitLab both read `.github/`, `.gitlab/` (GitLab) and the root. */
const CODEOWNERS_TARGET: Readonly<Record<CiSystem, string>> = { github: '.github/CODEOWNERS', gitlab: '.gitlab/CODEOWNERS', atlantis: 'CODEOWNERS' };

export interface InitOptions {
  readonly force?: boolean;
  /** The CI configuration to write. @default 'github' */
  readonly ci?: CiSystem;
  readonly name?: string;
  /** The platform team that owns environments, acknowledgements, CI and dependencies. @default DEFAULT_PLATFORM_OWNER */
  readonly platformOwner?: string;
  /**
   * A release tarball (`topicform-<version>.tgz`, from `npm pack ./dist`) to copy to `vendor/` and depend on as
   * `file:vendor/<its name>`, for as long as topicform is not on the npm registry.
   * @default depend on `topicform@^<this version>` from the registry
   */
  readonly tarball?: string;
}

/** Where `--tarball` copies the release tarball: committed with package-lock.json, so `npm ci` in CI installs it. */
export const VENDOR_DIR = 'vendor';

/** The example's platform team, like the example domain's `@acme/orders-team`: replace both with your teams. */
export const DEFAULT_PLATFORM_OWNER = '@acme/platform-team';

export interface InitResult {
  readonly ok: boolean;
  readonly dir: string;
  /** Paths relative to `dir`, POSIX separators, sorted. */
  readonly written: readonly string[];
  /** Files that already exist (and were left alone unless forced). */
  readonly existing: readonly string[];
}

/** The files `init` writes: relative target path (POSIX) → content. */
export function renderTemplates(
  name: string,
  platformOwner: string = DEFAULT_PLATFORM_OWNER,
  ci: CiSystem = 'github',
  topicformDependency?: string,
): Map<string, string> {
  const fragment = (part: string): string => readFileSync(join(TEMPLATES_DIR, 'ci', `${ci}.${part}.md`), 'utf8');
  const tool = templateVariables(name);
  const variables: Readonly<Record<string, string>> = {
    ...tool,
    topicformDependency: topicformDependency ?? `^${tool.topicformVersion ?? ''}`,
    platformOwner,
    codeownersPath: CODEOWNERS_TARGET[ci],
    ciFiles: fragment('files'),
    ciSetup: fragment('setup'),
  };
  const files = new Map<string, string>();
  for (const template of listFiles(TEMPLATES_DIR)) {
    if (!template.endsWith('.tmpl')) continue;
    const target = targetPath(template, ci);
    if (target === null) continue;
    const source = readFileSync(join(TEMPLATES_DIR, ...template.split('/')), 'utf8');
    // Only `{{knownKey}}` is replaced: GitHub's `${{ expression }}` passes through untouched.
    files.set(
      target,
      source.replace(/\{\{([A-Za-z]+)\}\}/g, (whole, key: string) => variables[key] ?? whole),
    );
  }
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function init(dir: string, options: InitOptions = {}): InitResult {
  const target = resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) throw new InitError(`${dir} exists and is not a directory`);
  if (options.platformOwner !== undefined && !ownerSchema.safeParse(options.platformOwner).success) {
    throw new InitError(`--platform-owner "${options.platformOwner}" must be a team handle such as "@acme/platform-team"`);
  }
  const ci = options.ci ?? 'github';
  if (!(CI_SYSTEMS as readonly string[]).includes(ci)) throw new InitError(`--ci "${String(ci)}" must be one of ${CI_SYSTEMS.join(', ')}`);
  const tarball = options.tarball === undefined ? undefined : readTarball(options.tarball);
  const files: Map<string, string | Uint8Array> = renderTemplates(
    options.name ?? packageName(basename(target)),
    options.platformOwner,
    ci,
    tarball === undefined ? undefined : `file:${tarball.path}`,
  );
  if (tarball !== undefined) files.set(tarball.path, tarball.bytes);
  const existing = [...files.keys()].filter((file) => existsSync(join(target, ...file.split('/')))).sort();
  if (existing.length > 0 && options.force !== true) return { ok: false, dir: target, written: [], existing };
  const written: string[] = [];
  for (const [file, content] of files) {
    if (writeFileAtomic(join(target, ...file.split('/')), content)) written.push(file);
  }
  written.sort();
  return { ok: true, dir: target, written, existing };
}

export class InitError extends Error {}

/** npm pack names a package's tarball `<name>-<version>.tgz`: anything else is not a topicform release. */
const TARBALL_NAME = /^topicform-\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\.tgz$/;

/** The release tarball `--tarball` names, read before anything is written, and where it goes in the scaffold. */
function readTarball(path: string): { path: string; bytes: Uint8Array } {
  const name = basename(path);
  if (!TARBALL_NAME.test(name)) {
    throw new InitError(`--tarball "${path}" is not a topicform release tarball (npm pack ./dist names it topicform-<version>.tgz)`);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InitError(`--tarball "${path}" cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return { path: `${VENDOR_DIR}/${name}`, bytes };
}

export function registerInitCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('init')
    .description(
      'scaffold a GitOps repository that depends on topicform: package.json, tsconfig, cdktf.json, main.ts, environments.ts, topics/, a synth test, README, the CI configuration (GitHub Actions, GitLab CI or Atlantis) and CODEOWNERS',
    )
    .argument('[dir]', 'directory to scaffold (created when missing)', '.')
    .option('--force', 'overwrite files that already exist', false)
    .option('--name <name>', 'package name of the new repository (default: the directory name)')
    .addOption(
      new Option('--ci <system>', 'the CI configuration to write: GitHub Actions workflows, a GitLab CI pipeline, or an Atlantis repo config')
        .choices([...CI_SYSTEMS])
        .default('github'),
    )
    .option(
      '--platform-owner <team>',
      `the platform team: in CODEOWNERS, owner of every path no domain owns and of ${PLATFORM_PATHS.join(', ')}`,
      DEFAULT_PLATFORM_OWNER,
    )
    .option(
      '--tarball <file>',
      `a topicform release tarball (topicform-<version>.tgz from npm pack ./dist) to copy to ${VENDOR_DIR}/ and depend on, while topicform is not on the npm registry`,
    )
    .action((dir: string, options: { force: boolean; name?: string; platformOwner: string; ci: CiSystem; tarball?: string }) => {
      let result: InitResult;
      try {
        result = init(dir, {
          force: options.force,
          platformOwner: options.platformOwner,
          ci: options.ci,
          ...(options.name === undefined ? {} : { name: options.name }),
          ...(options.tarball === undefined ? {} : { tarball: options.tarball }),
        });
      } catch (error) {
        if (!(error instanceof InitError)) throw error;
        process.stderr.write(`topicform init: ${error.message}\n`);
        setExitCode(1);
        return;
      }
      const shown = relative(process.cwd(), result.dir) || '.';
      if (!result.ok) {
        process.stderr.write(
          `topicform init: these files already exist in ${shown}; nothing was written (use --force to overwrite them):\n${result.existing.map((f) => `  ${f}\n`).join('')}`,
        );
        setExitCode(1);
        return;
      }
      const overwritten = result.existing.length > 0 ? ` (${result.existing.length} overwritten)` : '';
      process.stdout.write(
        `scaffolded ${shown}: ${result.written.length} file(s) written${overwritten}\n\nnext:\n${shown === '.' ? '' : `  cd ${shown}\n`}  npm install && npx topicform synth\n  npm test\n${options.tarball === undefined ? UNPUBLISHED : VENDORED}\nbefore the first pull request: README.md says what to set up (teams in topics/ and package.json, backends, ${SETUP[options.ci]}, branch protection)\n`,
      );
      setExitCode(0);
    });
}

/** After a scaffold that depends on the registry's topicform, which has no release yet (README "Installing"). */
const UNPUBLISHED =
  '\nnpm install needs topicform on the npm registry, which has no release yet: until it has, run init again with\n  --tarball <topicform-<version>.tgz> (README.md, "Installing topicform in your own repository")\n';

/** After a scaffold that depends on the vendored tarball. */
const VENDORED = `\ncommit ${VENDOR_DIR}/ with package-lock.json, so that npm ci in CI installs exactly that build\n`;

/** What the README asks to set up on each CI system, in the message after scaffolding. */
const SETUP: Readonly<Record<CiSystem, string>> = {
  github: 'GitHub environments',
  gitlab: 'GitLab protected environments, tokens and schedules',
  atlantis: "the Atlantis server's repos.yaml",
};

/**
 * Where a template goes for a CI system, or null when it belongs to another one: `github/…` → `.github/…`,
 * `gitlab/gitlab-ci.yml` → `.gitlab-ci.yml`, `gitlab/…` → `.gitlab/…`, `atlantis/…` → the root, the CODEOWNERS to where
 * the CI system reads it; `gitignore` → `.gitignore` (npm never packs dot-files reliably); minus `.tmpl`.
 */
function targetPath(template: string, ci: CiSystem): string | null {
  const path = template.slice(0, -'.tmpl'.length);
  if (path === 'gitignore') return '.gitignore';
  if (path === 'github/CODEOWNERS') return CODEOWNERS_TARGET[ci];
  const [folder = '', ...rest] = path.split('/');
  if (!(CI_SYSTEMS as readonly string[]).includes(folder)) return path;
  if (folder !== ci) return null;
  if (ci === 'github') return `.${path}`;
  if (ci === 'gitlab') return path === 'gitlab/gitlab-ci.yml' ? '.gitlab-ci.yml' : `.gitlab/${rest.join('/')}`;
  return rest.join('/');
}

function templateVariables(name: string): Readonly<Record<string, string>> {
  const tool = JSON.parse(readFileSync(TOOL_MANIFEST, 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  // The exact versions topicform was built and tested with: this repository's dependencies, or, in the published
  // package, where cdktf and constructs are peers with a range, the devDependencies scripts/build.ts pins them in.
  const versionOf = (dependency: string): string => {
    const version = tool.dependencies?.[dependency] ?? tool.devDependencies?.[dependency];
    if (version === undefined) throw new InitError(`topicform's package.json does not list ${dependency}`);
    return version;
  };
  return {
    name,
    topicformVersion: tool.version,
    cdktfVersion: versionOf('cdktf'),
    constructsVersion: versionOf('constructs'),
    tsxVersion: versionOf('tsx'),
    zodVersion: versionOf('zod'),
  };
}

/** A valid npm package name from a directory name. */
function packageName(dirName: string): string {
  const name = dirName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name === '' ? 'kafka-topics' : name;
}

/** Files below `dir`, relative, POSIX separators. */
function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? listFiles(full, base) : [relative(base, full).split(sep).join('/')];
  });
}
