/**
 * `topicform import` as a command: its help, what it prints, what it writes (and refuses to overwrite), and its exit
 * codes. The command is registered on a fresh program the way cli/main.ts registers commands.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWN_FIXTURES } from './helpers/fixtures';
import { runImportCommand } from './helpers/run-import';

const ROOT = resolve(__dirname, '../..');
let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'topicform-import-cli-'));
  writeFileSync(
    join(work, 'environments.json'),
    JSON.stringify({ environments: [{ name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2 }] }),
  );
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Runs `topicform import …` in-process with `work` as the working directory. */
const run = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => runImportCommand(work, ...args);

const handmade = (file: string): string => join(OWN_FIXTURES, 'handmade', file);
const fullArgs = [
  '--env',
  'prod',
  '--environments',
  'environments.json',
  '--topics-describe',
  handmade('topics-describe.txt'),
  '--configs',
  handmade('configs-describe-all.txt'),
  '--acls',
  handmade('acls-list.txt'),
];

describe('topicform import', () => {
  it('prints its help with every option', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    for (const option of [
      '--topics-describe <file>',
      '--kcat <file>',
      '--configs <file>',
      '--acls <file>',
      '--kafka-gitops <file>',
      '--julieops <file>',
      '--topicctl <file...>',
      '--undeclared',
      '--only <regex>',
      '--fail-on-undeclared',
      '--env <name>',
      '--out-dir <dir>',
      '--domain-pattern <regex>',
      '--force',
      '--dry-run',
    ]) {
      expect(stdout).toContain(option);
    }
  });

  it('writes the declarations, the index and the adopt list, and prints what it found', async () => {
    const { code, stdout } = await run(...fullArgs);
    expect(code).toBe(0);
    expect(stdout).toMatch(/found: 15 topics, 26 ACLs/);
    expect(stdout).toMatch(/not adopted — left on the cluster, unmanaged \(2\)/);
    expect(stdout).toMatch(/kept as legacy ACLs — review each \(8\)/);
    for (const file of ['topics/orders.ts', 'topics/inventory.ts', 'topics/unassigned.ts', 'topics/imported.ts', 'adopted/prod.json']) {
      expect(existsSync(join(work, file))).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(work, 'adopted/prod.json'), 'utf8'))).toMatchObject({
      topics: expect.arrayContaining(['orders.order-created']) as unknown,
    });
  });

  it('reproduces issue 21: an RF 1 topic without overrides, imported into production, is declared as found and nothing is called harmless', async () => {
    writeFileSync(
      join(work, 't.txt'),
      'Topic: orders.t1\tTopicId: AAAAAAAAAAAAAAAAAAAAAA\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: \n\tTopic: orders.t1\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\n',
    );
    const { code, stdout } = await run('--env', 'prod', '--environments', 'environments.json', '--topics-describe', 't.txt', '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^first terraform plan: 1 import, nothing created, changed, replaced or deleted$/m);
    expect(stdout).toMatch(/^ {2}orders\.t1: cleanup\.policy=delete, min\.insync\.replicas=1, retention\.ms=604800000$/m);
    expect(stdout).toMatch(/^ {2}orders\.t1: \[TF-REPL-001\] declared as found on the cluster: replication factor 1/m);
    expect(stdout).not.toMatch(/harmless|imported as found/);
  });

  it('says internal topics are left unmanaged, never that the first plan would remove anything of theirs', async () => {
    const { stdout } = await run('--env', 'prod', '--environments', 'environments.json', '--kcat', handmade('kcat.json'), '--dry-run');
    expect(stdout).toMatch(/^ {2}__consumer_offsets: an internal topic/m);
    expect(stdout.split('\n').filter((l) => l.includes('__consumer_offsets') || l.includes('_schemas'))).toEqual([
      '  __consumer_offsets: an internal topic (its name starts with "_"): Kafka or a platform component owns it',
      '  _schemas: an internal topic (its name starts with "_"): Kafka or a platform component owns it',
    ]);
  });

  it('writes nothing on --dry-run', async () => {
    const { code, stdout } = await run(...fullArgs, '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toMatch(/dry run: would write topics\/audit\.ts, /);
    expect(existsSync(join(work, 'topics'))).toBe(false);
  });

  it('refuses to overwrite existing files without --force, writing nothing at all, and overwrites with it', async () => {
    mkdirSync(join(work, 'topics'));
    writeFileSync(join(work, 'topics/orders.ts'), '// hand-written\n');
    const refused = await run(...fullArgs);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/topics\/orders\.ts already exists; nothing was written \(use --force to overwrite\)/);
    expect(existsSync(join(work, 'adopted'))).toBe(false);
    expect(readFileSync(join(work, 'topics/orders.ts'), 'utf8')).toBe('// hand-written\n');

    const forced = await run(...fullArgs, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(work, 'topics/orders.ts'), 'utf8')).toMatch(/^\/\/ Generated by `topicform import`/);
  });

  it('exits 1 naming the file when an input cannot be read', async () => {
    const { code, stderr } = await run('--env', 'prod', '--environments', 'environments.json', '--topics-describe', 'missing-topics.txt');
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot read input file missing-topics\.txt \(ENOENT\)/);
  });

  it.each([
    [['--acls', 'x.txt'], /cannot read input file x\.txt/],
    [
      [],
      /give the cluster: --topics-describe <file> \(kafka-topics --describe\) or --kcat <file> \(kcat -L -J\), and\/or --acls <file>; or migrate with --kafka-gitops, --julieops or --topicctl/,
    ],
    [['--env', 'staging', '--topics-describe', handmade('topics-describe.txt')], /unknown environment "staging"; environments\.json has prod/],
    [['--domain-pattern', '([a-z]+', '--topics-describe', handmade('topics-describe.txt')], /invalid regular expression/],
    [['--domain-pattern', '^(?<team>[a-z]+)\\.', '--topics-describe', handmade('topics-describe.txt')], /has no named group \(\?<domain>…\)/],
  ])('exits 1 with a usage message for %j', async (args, message) => {
    const { code, stderr } = await run('--environments', 'environments.json', '--env', 'prod', ...args);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });

  describe('unusable input is an error that says what was expected, and writes nothing (issue 20, item 12)', () => {
    const KCAT_JSON = '{"originating_broker":{"id":1,"name":"b:9092/1"},"query":{"topic":"*"},"brokers":[{"id":1,"name":"b:9092"}],"topics":[]}';
    const GITOPS_YAML = 'topics:\n  test-topic:\n    partitions: 6\n    replication: 2\n';
    const JULIE_YAML = 'context: "context"\nprojects:\n  - name: "projectA"\n';
    const PLAN_JSON = '{"format_version":"1.2","resource_changes":[]}';
    const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);
    it.each([
      [
        'an empty file for --topics-describe',
        'empty.txt',
        '',
        ['--topics-describe', 'empty.txt'],
        /^topicform: empty\.txt is empty; expected kafka-topics\.sh --describe output for --topics-describe \(lines like "Topic: /m,
      ],
      [
        'an empty file for --acls',
        'acls.txt',
        '\n  \n',
        ['--topics-describe', handmade('topics-describe.txt'), '--acls', 'acls.txt'],
        /acls\.txt is empty; expected kafka-acls\.sh --list output for --acls .*A cluster without ACLs prints nothing: leave --acls out/,
      ],
      [
        'a binary file',
        'photo.png',
        BINARY,
        ['--topics-describe', 'photo.png'],
        /photo\.png is not text \(it has NUL bytes: a binary file\?\); expected kafka-topics\.sh --describe output for --topics-describe/,
      ],
      [
        'kcat JSON given as kafka-topics output',
        'kcat.json',
        KCAT_JSON,
        ['--topics-describe', 'kcat.json'],
        /kcat\.json is not kafka-topics\.sh --describe output: .*; it looks like kcat -L -J output: give it with --kcat; expected/,
      ],
      [
        'a kafka-gitops state file given as kafka-topics output',
        'state.yaml',
        GITOPS_YAML,
        ['--topics-describe', 'state.yaml'],
        /state\.yaml is not kafka-topics\.sh --describe output: .*it looks like a kafka-gitops state file: give it with --kafka-gitops/,
      ],
      [
        'a JulieOps descriptor given as kafka-acls output',
        'topology.yaml',
        JULIE_YAML,
        ['--topics-describe', handmade('topics-describe.txt'), '--acls', 'topology.yaml'],
        /topology\.yaml is not kafka-acls\.sh --list output: .*it looks like a JulieOps topology descriptor: give it with --julieops/,
      ],
      [
        'a terraform plan given as kcat output',
        'plan.json',
        PLAN_JSON,
        ['--kcat', 'plan.json'],
        /plan\.json is not kcat -L -J \(or kcat -L\) output: .*it looks like a terraform plan \(terraform show -json\); expected/,
      ],
    ])('%s', async (_title, name, content, args, message) => {
      writeFileSync(join(work, name), content);
      const { code, stdout, stderr } = await run('--env', 'prod', '--environments', 'environments.json', ...args);
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
      expect(stdout).toBe('');
      expect(existsSync(join(work, 'topics'))).toBe(false);
      expect(existsSync(join(work, 'adopted'))).toBe(false);
    });

    it('names every unusable file at once', async () => {
      writeFileSync(join(work, 'a.txt'), '');
      writeFileSync(join(work, 'b.txt'), GITOPS_YAML);
      const { code, stderr } = await run('--env', 'prod', '--environments', 'environments.json', '--topics-describe', 'a.txt', '--acls', 'b.txt');
      expect(code).toBe(1);
      expect(stderr).toMatch(/a\.txt is empty/);
      expect(stderr).toMatch(/b\.txt is not kafka-acls\.sh --list output/);
    });
  });

  it('groups topics by a custom domain pattern', async () => {
    const { stdout } = await run(...fullArgs, '--dry-run', '--domain-pattern', '^(?<domain>orders)\\.(?<event>[a-z][a-z0-9-]*)$');
    // Every other topic is declared under its own name in "unassigned" (lint TF-DOMAIN-003 asks to give it an owner).
    expect(stdout).toMatch(/event topics — orders: 2, unassigned: 8;/);
  });

  it("loads a TypeScript environments file through the bin's tsx hook", () => {
    const entry = join(work, 'entry.cjs');
    writeFileSync(
      entry,
      [
        "require('tsx/cjs');",
        "const { Command } = require('commander');",
        `const { registerImportCommand } = require(${JSON.stringify(join(ROOT, 'cli/commands/import.ts'))});`,
        "const program = new Command().name('topicform');",
        'registerImportCommand(program, (code) => { process.exitCode = code; });',
        'program.parseAsync(process.argv).catch((e) => { process.stderr.write(e.message + "\\n"); process.exitCode = 1; });',
      ].join('\n'),
    );
    const result = spawnSync(
      process.execPath,
      [entry, 'import', '--dry-run', '--env', 'dev', '--environments', join(ROOT, 'environments.ts'), '--kcat', handmade('kcat.json')],
      { cwd: work, encoding: 'utf8', env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/topicform import — environment "dev"/);
  });
});
