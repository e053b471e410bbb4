// The Atlantis repo config: generated from the stacks (the repository's own atlantis.yaml must be what `topicform
// atlantis` writes for its stacks, so a new stack without the file fails here), valid against the repo-config schema
// written from Atlantis's documentation and parsing code (test/fixtures/atlantis), and running guard, plan and review.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderAtlantis, runAtlantis } from '../../cli/commands/atlantis';
import { APPLY_REQUIREMENTS, ATLANTIS_FILE, atlantisConfig, atlantisServerConfig } from '../../pipeline/atlantis';
import { buildApp } from '../../main';
import { capturedIo as io } from '../helpers/io';

const ROOT = join(__dirname, '..', '..');
const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'atlantis', 'repo-config.schema.json'), 'utf8')) as object;

type Step = string | { run?: { command: string } | string };
type Project = {
  name: string;
  dir: string;
  workflow: string;
  apply_requirements: string[];
  execution_order_group: number;
  autoplan: { when_modified: string[] };
};
type RepoConfig = { version: number; projects: Project[]; workflows: Record<string, { plan: { steps: Step[] }; apply: { steps: Step[] } }> };

function validators(): { repo: (v: unknown) => string[]; server: (v: unknown) => string[] } {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(SCHEMA, 'atlantis');
  const repo = ajv.getSchema('atlantis');
  const server = ajv.compile({ $ref: 'atlantis#/definitions/serverConfig' });
  const run = (validate: typeof server | undefined, value: unknown): string[] =>
    validate === undefined ? ['no schema'] : validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  return { repo: (v) => run(repo, v), server: (v) => run(server, v) };
}

const STACKS = [
  { stack: 'prod-orders', production: true },
  { stack: 'dev', production: false },
  { stack: 'prod-search', production: true },
];

describe('atlantis.yaml', () => {
  it('of this repository is what `topicform atlantis` generates for its stacks (a stale file fails here)', () => {
    const out = io();
    expect(runAtlantis(buildApp, { check: true }, out, ROOT), out.err()).toBe(0);
  });

  it('validates against the Atlantis repo-config schema, and so does the server-side repos.yaml', () => {
    const { repo, server } = validators();
    expect(repo(parse(readFileSync(join(ROOT, ATLANTIS_FILE), 'utf8'), { version: '1.2' }))).toEqual([]);
    expect(repo(atlantisConfig(STACKS, { outDir: 'out/cdktf' }))).toEqual([]);
    expect(server(atlantisServerConfig('github.com/acme/kafka-topics'))).toEqual([]);
  });

  it('rejects what Atlantis rejects (the schema is live)', () => {
    const { repo } = validators();
    const config = atlantisConfig(STACKS) as unknown as RepoConfig;
    const bad = (change: (c: RepoConfig) => void): string[] => {
      const copy = structuredClone(config);
      change(copy);
      return repo(copy);
    };
    expect(bad((c) => (c.projects[0]!.apply_requirements = ['approved', 'reviewed']))).not.toEqual([]);
    expect(bad((c) => (c.projects[0]!.dir = '../elsewhere'))).not.toEqual([]);
    expect(bad((c) => (c.version = 1))).not.toEqual([]);
    expect(bad((c) => c.workflows.topicform!.plan.steps.push('terraform-plan'))).not.toEqual([]);
  });

  it('has one project per stack in its stack directory, each with the workflow and the apply requirements', () => {
    const config = atlantisConfig(STACKS) as unknown as RepoConfig;
    expect(config.projects.map((p) => [p.name, p.dir])).toEqual([
      ['dev', 'cdktf.out/stacks/dev'],
      ['prod-orders', 'cdktf.out/stacks/prod-orders'],
      ['prod-search', 'cdktf.out/stacks/prod-search'],
    ]);
    const names = config.projects.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of config.projects) {
      expect(config.workflows[p.workflow], p.name).toBeDefined();
      expect(p.apply_requirements).toEqual([...APPLY_REQUIREMENTS]);
      expect(p.execution_order_group).toBe(p.name.startsWith('prod') ? 1 : 0);
      // when_modified paths are relative to the project directory: the declarations are three levels up.
      for (const path of p.autoplan.when_modified) expect(posix.normalize(posix.join(p.dir, path)).startsWith('..'), path).toBe(false);
    }
  });

  it('plans with guard first, then init and plan, then the review of this stack with this plan; applies the saved plan', () => {
    const workflow = (atlantisConfig(STACKS) as unknown as RepoConfig).workflows.topicform;
    const steps = (workflow?.plan.steps ?? []).map((s) => (typeof s === 'string' ? s : typeof s.run === 'string' ? s.run : (s.run?.command ?? '')));
    expect(steps[0]).toMatch(/topicform guard --remote-backend \.$/);
    expect(steps.slice(1, 3)).toEqual(['init', 'plan']);
    expect(steps[3]).toMatch(
      /topicform review --base \.topicform\.base --head cdktf\.out --stack "\$PROJECT_NAME" --plan "\$PROJECT_NAME=\$SHOWFILE" --format markdown$/,
    );
    expect(steps[3]).toMatch(/^cd \.\.\/\.\.\/\.\. && /);
    expect(workflow?.apply.steps).toEqual(['apply']);
  });

  it('for a pull request, autoplans only the stacks it changes, on any file, and keeps the others as projects that do not autoplan', () => {
    const { repo } = validators();
    const config = atlantisConfig(STACKS, { plan: new Set(['prod-orders']) }) as unknown as {
      projects: { name: string; autoplan: { enabled: boolean; when_modified: string[] } }[];
    };
    expect(repo(config)).toEqual([]);
    expect(config.projects.map((p) => [p.name, p.autoplan.enabled, p.autoplan.when_modified[0]])).toEqual([
      ['dev', false, '../../../topics/**/*.ts'],
      ['prod-orders', true, '../../../**/*'],
      ['prod-search', false, '../../../topics/**/*.ts'],
    ]);
    // The committed file (no pull request) still autoplans every stack on a declaration change.
    const committed = atlantisConfig(STACKS) as unknown as { projects: { autoplan: { enabled: boolean } }[] };
    expect(committed.projects.map((p) => p.autoplan.enabled)).toEqual([true, true, true]);
  });

  it("the server's hooks synthesize the head, then the base once and this pull request's atlantis.yaml, before any project", () => {
    const hooks = (atlantisServerConfig('github.com/acme/kafka-topics', { outDir: 'out' }) as { repos: { pre_workflow_hooks: { run: string }[] }[] }).repos[0]
      ?.pre_workflow_hooks;
    expect(hooks?.map((h) => h.run)).toEqual([
      'npm ci --ignore-scripts --no-audit --no-fund && npx --no-install topicform synth --no-artifacts --out out',
      'npx --no-install topicform atlantis --base-ref "origin/$BASE_BRANCH_NAME" --base-out .topicform.base --out-dir out',
    ]);
  });

  it('--check fails on a stale or missing file and writes nothing; without it, the file is written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topicform-atlantis-'));
    const first = io();
    expect(runAtlantis(buildApp, { check: true }, first, dir)).toBe(1);
    expect(first.err()).toContain('atlantis.yaml is missing');
    writeFileSync(join(dir, ATLANTIS_FILE), renderAtlantis(STACKS.slice(0, 1)));
    const stale = io();
    expect(runAtlantis(buildApp, { check: true }, stale, dir)).toBe(1);
    expect(stale.err()).toContain('stale: it no longer matches the stacks');
    expect(readFileSync(join(dir, ATLANTIS_FILE), 'utf8')).toBe(renderAtlantis(STACKS.slice(0, 1)));
    expect(runAtlantis(buildApp, { check: false }, io(), dir)).toBe(0);
    expect(runAtlantis(buildApp, { check: true }, io(), dir)).toBe(0);
  });
});
