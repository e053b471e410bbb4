/**
 * Replay runbooks: what they say follows the declarations, and they are safe to paste. The shell blocks are run for
 * real, as a person pastes them (every block in order, in one bash), against stand-ins for the Kafka tools that record
 * their arguments; the test then checks which commands ran, with which flags, and in which order.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { RUNBOOK_LINE_WIDTH } from '../../artifacts/limits';
import { renderRunbook } from '../../artifacts/runbook';
import { shellCommand } from '../../artifacts/shell';
import { formatMs, toMs } from '../../model/duration';
import type { Topology } from '../../model/topology';
import { edgeCaseTopology, exampleTopologies } from './fixtures';

const topologies: readonly Topology[] = [...exampleTopologies(), edgeCaseTopology()];
const files = generateArtifacts(topologies);
const cases = topologies.flatMap((t) => t.consumerGroups.map((g) => [`${t.environment.name}/${g.groupId}`, t, g] as const));
const runbook = (topology: Topology, groupId: string): string => files.get(`docs/${topology.environment.name}/runbooks/${groupId}.md`) ?? '';

/** The `sh` code blocks of a document, in order, without the list indentation (what GitHub's copy button copies). */
function shellBlocks(text: string): string[] {
  return [...text.matchAll(/^( *)```sh\n([\s\S]*?)^\1```$/gm)].map((m) =>
    (m[2] ?? '')
      .split('\n')
      .map((l) => l.slice((m[1] ?? '').length))
      .join('\n'),
  );
}

const scratch = mkdtempSync(join(tmpdir(), 'topicform-runbook-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The Kafka tools, each writing one line per call: its name and its arguments, one per tab. */
function stubTools(dir: string): void {
  for (const tool of ['kafka-consumer-groups.sh', 'kafka-get-offsets.sh', 'kafka-console-consumer.sh']) {
    const path = join(dir, tool);
    writeFileSync(path, `#!/usr/bin/env bash\n{ printf '%s' "${tool}"; printf '\\t%s' "$@"; printf '\\n'; } >> "$CALLS"\n`);
    chmodSync(path, 0o755);
  }
}

/** Runs every block as pasted one after the other into one bash; returns each tool call as its argument list. */
function paste(blocks: readonly string[], name: string): string[][] {
  const dir = mkdtempSync(join(scratch, `${name.replace(/[^a-z0-9]/gi, '_')}-`));
  stubTools(dir);
  const calls = join(dir, 'calls');
  writeFileSync(calls, '');
  const result = spawnSync('bash', ['-euo', 'pipefail'], {
    cwd: dir,
    input: blocks.join('\n'),
    encoding: 'utf8',
    env: {
      PATH: `${dir}:${process.env.PATH ?? ''}`,
      CALLS: calls,
      BOOTSTRAP: 'broker:9092',
      CLIENT_CONFIG: 'client.properties',
      OPERATOR_CONFIG: 'operator.properties',
      REPLAY_FROM: '2025-01-31T08:00:00.000Z',
      MESSAGES: '100',
      REDRIVE_FROM: '2025-01-30T00:00:00.000Z',
    },
  });
  expect(result.stderr, name).toBe('');
  expect(result.status, name).toBe(0);
  return readFileSync(calls, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
}

describe('replay runbooks are safe to paste', () => {
  it.each(cases)('%s: no line of a shell block is wider than RUNBOOK_LINE_WIDTH, and no block both dry-runs and executes', (_, topology, group) => {
    const blocks = shellBlocks(runbook(topology, group.groupId));
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) {
      for (const line of block.split('\n')) expect(line.length, line).toBeLessThanOrEqual(RUNBOOK_LINE_WIDTH);
      expect(block.includes('--dry-run') && block.includes('--execute'), block).toBe(false);
    }
  });

  it.each(cases)(
    '%s: pasted in order, every command runs through the helper, action flags first, each --execute right after its --dry-run',
    (name, topology, group) => {
      const calls = paste(shellBlocks(runbook(topology, group.groupId)), name);
      const groups = calls.filter((c) => c[0] === 'kafka-consumer-groups.sh');
      for (const call of groups) {
        // The caller's flags first (what the command does), the connection flags the helper adds last.
        expect(call.slice(-4), call.join(' ')).toEqual(['--bootstrap-server', 'broker:9092', '--command-config', 'client.properties']);
        expect(call[1], call.join(' ')).toMatch(/^--(?:describe|reset-offsets)$/);
        expect(call.slice(1, -4).join(' ')).toContain(`--group ${group.groupId}`);
      }
      const resets = groups.map((c) => c.slice(1, -4).join(' ')).filter((c) => c.startsWith('--reset-offsets'));
      resets.forEach((c, i) => {
        if (c.endsWith('--execute')) expect(resets[i - 1]).toBe(c.replace(/--execute$/, '--dry-run'));
      });
      for (const s of group.subscriptions) {
        for (const how of ['--to-earliest', '--to-datetime 2025-01-31T08:00:00.000Z', '--shift-by -100']) {
          const scoped = resets.filter((c) => c.includes(`--topic ${s.topicName} `) && c.includes(how));
          expect(
            scoped.map((c) => c.split(' ').at(-1)),
            `${s.topicName} ${how}`,
          ).toEqual(['--dry-run', '--execute']);
        }
        if (s.deadLetterTopic !== null) {
          const redrive = resets.filter((c) => c.includes(`--topic ${s.deadLetterTopic} `));
          expect(redrive).toEqual([
            `--reset-offsets --to-datetime 2025-01-30T00:00:00.000Z --group ${group.groupId} --topic ${s.deadLetterTopic} --dry-run`,
            `--reset-offsets --to-datetime 2025-01-30T00:00:00.000Z --group ${group.groupId} --topic ${s.deadLetterTopic} --execute`,
          ]);
          expect(calls).toContainEqual([
            'kafka-console-consumer.sh',
            '--topic',
            s.deadLetterTopic,
            '--from-beginning',
            '--max-messages',
            '20',
            '--property',
            'print.timestamp=true',
            '--property',
            'print.key=true',
            '--property',
            'print.headers=true',
            '--bootstrap-server',
            'broker:9092',
            '--consumer.config',
            'operator.properties',
          ]);
        }
      }
      expect(resets.some((c) => c.startsWith('--reset-offsets --from-file'))).toBe(true);
      expect(resets[0]).toBe(`--reset-offsets --to-current --export --all-topics --group ${group.groupId} --dry-run`);
    },
  );

  it('stops a pasted block at its first step when a variable it needs is not set', () => {
    const [setup] = shellBlocks(runbook(topologies[0] as Topology, topologies[0]?.consumerGroups[0]?.groupId ?? ''));
    const result = spawnSync('bash', ['-c', setup ?? ''], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set BOOTSTRAP to the bootstrap servers of');
  });
});

describe('shell commands that fit', () => {
  it('wraps at the width, keeping a flag with its value and a redirection with its file', () => {
    const words = [
      'kgroups',
      '--reset-offsets',
      '--to-datetime',
      '"$REPLAY_FROM"',
      '--group',
      'orders.payment',
      '--topic',
      'orders.order-created',
      '--dry-run',
      '>',
      'out.csv',
    ];
    const lines = shellCommand(words, 40);
    expect(lines).toEqual([
      'kgroups --reset-offsets \\',
      '  --to-datetime "$REPLAY_FROM" \\',
      '  --group orders.payment \\',
      '  --topic orders.order-created \\',
      '  --dry-run > out.csv',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(shellCommand(['a', 'b'], 3)).toEqual(['a b']);
  });

  it('leaves a word longer than the width whole on its own line', () => {
    const long = `--topic=${'x'.repeat(100)}`;
    expect(shellCommand(['kgroups', long, '--execute'], 40)).toEqual(['kgroups \\', `  ${long} \\`, '  --execute']);
  });
});

describe('replay runbooks say what the declarations say', () => {
  it.each(cases)('%s: fills the replay preconditions from the declarations', (_, topology, group) => {
    const text = runbook(topology, group.groupId);
    expect(text).toContain(group.idempotency === null ? '- [ ] **Idempotence**: not declared' : `- [x] **Idempotence**: ${group.idempotency}`);
    // The example's groups state their replay safety: the boxes are checked from the statements, not left for a person.
    const effects = group.replaySafety?.sideEffects;
    expect(text).toContain(group.replaySafety?.deterministic === true ? '- [x] **Deterministic processing**: declared' : '- [ ] **Deterministic processing**');
    expect(text).toContain(
      effects?.control === 'guarded'
        ? `- [x] **Controlled external side effects**: guarded by ${effects.by}`
        : effects?.control === 'none'
          ? '- [x] **Controlled external side effects**: declared none'
          : '- [ ] **Controlled external side effects**',
    );
    expect(text).toContain(group.offsetCommit.mode === 'manual' ? '- [x] **Offsets**' : '- [ ] **Offsets** are auto-committed');
    for (const s of group.subscriptions) {
      const topic = topology.topics.find((t) => t.kind === 'event' && t.name === s.topicName);
      if (topic?.kind !== 'event') throw new Error(`no event topic ${s.topicName}`);
      expect(text).toContain(`- [${topic.retentionBytes === null ? 'x' : ' '}] **Retention** of \`${topic.name}\``);
      expect(text).toContain(
        topic.replay.kind === 'window'
          ? `replay window ${formatMs(toMs(topic.replay.window))}`
          : `longest reindex ${formatMs(toMs(topic.replay.longestReindex))}`,
      );
    }
  });

  it('leaves both boxes for a person when a group makes no replay-safety statement, and says when it is not replay-safe', () => {
    const [, topology, group] = cases[0] ?? [];
    if (topology === undefined || group === undefined) throw new Error('no example group');
    const silent = { ...group };
    delete (silent as { replaySafety?: unknown }).replaySafety;
    const without = renderRunbook({ ...topology, consumerGroups: topology.consumerGroups.map((g) => (g === group ? silent : g)) }, silent);
    expect(without).toContain('- [ ] **Deterministic processing**: not something declarations can show.');
    expect(without).toContain('- [ ] **Controlled external side effects**: confirm that what');
    const unsafe = { ...group, replaySafety: { deterministic: false, sideEffects: { control: 'not-replay-safe' as const, reason: 'sends an SMS per event' } } };
    const text = renderRunbook(topology, unsafe);
    expect(text).toContain('- [ ] **Deterministic processing**: declared **not** deterministic');
    expect(text).toContain('- [ ] **Controlled external side effects**: declared **not replay-safe**: sends an SMS per event.');
  });

  it('says when a group has no dead-letter topic', () => {
    const text = files.get('docs/edge/runbooks/billing.audit.md') ?? '';
    expect(text).toContain('declares no dead-letter topic');
    expect(text).not.toContain('$REDRIVE_FROM');
  });
});
