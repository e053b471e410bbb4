/**
 * Replay runbooks, one per domain: what they say follows the declarations, every fact the per-group pages gave is in
 * the group's section, and they are safe to paste. The shell blocks are run for real, as a person pastes them (the
 * set-up, then the group's and a topic's variable blocks, then every step's block in order, in one bash), against
 * stand-ins for the Kafka tools that record their arguments; the test then checks which commands ran, with which
 * flags, and in which order: the same commands the per-group pages spelled out.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { RUNBOOK_LINE_WIDTH } from '../../artifacts/limits';
import { renderDomainRunbook } from '../../artifacts/runbook';
import { shellCommand } from '../../artifacts/shell';
import { formatMs, toMs } from '../../model/duration';
import type { ResolvedConsumerGroup, Topology } from '../../model/topology';
import { edgeCaseTopology, exampleTopologies } from './fixtures';
import { pasteIntoBash } from '../helpers/paste';

const topologies: readonly Topology[] = [...exampleTopologies(), edgeCaseTopology()];
const files = generateArtifacts(topologies);
const cases = topologies.flatMap((t) => t.consumerGroups.map((g) => [`${t.environment.name}/${g.groupId}`, t, g] as const));
const page = (topology: Topology, group: ResolvedConsumerGroup): string => files.get(`docs/${topology.environment.name}/runbooks/${group.domain}.md`) ?? '';

/** The steps (everything before the group sections) and one group's section of its domain's runbook. */
function parts(topology: Topology, group: ResolvedConsumerGroup): { steps: string; section: string } {
  const text = page(topology, group);
  const groupsAt = text.indexOf('\n## Consumer groups\n');
  const heading = `\n### Group \`${group.groupId}\`\n`;
  const at = text.indexOf(heading);
  // A section ends at the next group's, or at the sink connectors' part that follows the last one.
  const ends = [text.indexOf('\n### Group ', at + heading.length), text.indexOf('\n## ', at + heading.length)].filter((i) => i >= 0);
  return { steps: text.slice(0, groupsAt), section: at < 0 ? '' : text.slice(at, ends.length === 0 ? undefined : Math.min(...ends)) };
}

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

/** The Kafka tools, each only recording its calls. */
const KAFKA_TOOLS = { 'kafka-consumer-groups.sh': '', 'kafka-get-offsets.sh': '', 'kafka-console-consumer.sh': '' };

/** Runs the blocks as pasted one after the other into one bash; returns each tool call as its argument list. */
function paste(blocks: readonly string[], name: string): string[][] {
  return pasteIntoBash(blocks, {
    scratch,
    name,
    tools: KAFKA_TOOLS,
    env: {
      BOOTSTRAP: 'broker:9092',
      CLIENT_CONFIG: 'client.properties',
      OPERATOR_CONFIG: 'operator.properties',
      REPLAY_FROM: '2025-01-31T08:00:00.000Z',
      MESSAGES: '100',
      REDRIVE_FROM: '2025-01-30T00:00:00.000Z',
    },
  }).calls;
}

/**
 * What a person pastes to replay `topic` for `group` and re-drive `dlq`: the set-up, the group's block, the topic's,
 * the dead-letter topic's, then every step's block (the re-drive's only with a dead-letter topic).
 */
function pasteFor(topology: Topology, group: ResolvedConsumerGroup, topic: string, dlq: string | null, name: string): string[][] {
  const { steps, section } = parts(topology, group);
  const [setup, ...rest] = shellBlocks(steps);
  const redriveAt = steps.indexOf('## Dead letters');
  const procedure = shellBlocks(redriveAt < 0 ? steps : steps.slice(0, redriveAt)).slice(1);
  const redrive = redriveAt < 0 ? [] : shellBlocks(steps.slice(redriveAt));
  expect(procedure.length + redrive.length).toBe(rest.length);
  const vars = shellBlocks(section);
  const pick = (v: string, value: string): string => {
    const block = vars.find((b) => b.trim() === `${v}=${value}` || b.trim() === `${v}='${value}'`);
    expect(block, `${v} block for ${value}`).toBeDefined();
    return block ?? '';
  };
  return paste(
    [
      setup ?? '',
      pick('GROUP', group.groupId),
      pick('TOPIC', topic),
      ...(dlq === null ? [] : [pick('DLQ', dlq)]),
      ...procedure,
      ...(dlq === null ? [] : redrive),
    ],
    name,
  );
}

describe('replay runbooks are safe to paste', () => {
  it.each(topologies.map((t) => [t.environment.name, t] as const))(
    '%s: no line of a shell block is wider than RUNBOOK_LINE_WIDTH, and no block both dry-runs and executes',
    (_, topology) => {
      const pages = [...files].filter(([path]) => path.startsWith(`docs/${topology.environment.name}/runbooks/`));
      expect(pages.length).toBeGreaterThan(0);
      for (const [, text] of pages) {
        const blocks = shellBlocks(text);
        expect(blocks.length).toBeGreaterThan(5);
        for (const block of blocks) {
          for (const line of block.split('\n')) expect(line.length, line).toBeLessThanOrEqual(RUNBOOK_LINE_WIDTH);
          expect(block.includes('--dry-run') && block.includes('--execute'), block).toBe(false);
        }
      }
    },
  );

  it.each(cases)(
    '%s: pasted with its variables, every command runs through the helper, action flags first, each --execute right after its --dry-run',
    (name, topology, group) => {
      for (const s of group.subscriptions) {
        const calls = pasteFor(topology, group, s.topicName, s.deadLetterTopic, name);
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
        expect(resets.some((c) => c === `--reset-offsets --from-file ${group.groupId}.offsets-before.csv --group ${group.groupId} --execute`)).toBe(true);
        expect(resets[0]).toBe(`--reset-offsets --to-current --export --all-topics --group ${group.groupId} --dry-run`);
      }
    },
  );

  it('stops a pasted block at its first step when a variable it needs is not set', () => {
    const topology = topologies[0] as Topology;
    const group = topology.consumerGroups[0] as ResolvedConsumerGroup;
    const [setup, , stop] = shellBlocks(parts(topology, group).steps);
    const noBootstrap = spawnSync('bash', ['-c', setup ?? ''], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(noBootstrap.status).not.toBe(0);
    expect(noBootstrap.stderr).toContain('set BOOTSTRAP to the bootstrap servers of');
    // A step pasted before the group's block stops instead of running against no group.
    const noGroup = spawnSync('bash', ['-c', `kgroups() { echo ran; }\n${stop ?? ''}`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(noGroup.status).not.toBe(0);
    expect(noGroup.stdout).toBe('');
    expect(noGroup.stderr).toContain('set GROUP: paste the GROUP block of the group section');
  });

  it('quotes a variable value that is not a plain name, so pasting it sets exactly that value', () => {
    const topology = topologies[0] as Topology;
    const group = topology.consumerGroups[0] as ResolvedConsumerGroup;
    const odd = { ...group, groupId: "team's group $HOME" };
    const text = renderDomainRunbook({ ...topology, consumerGroups: [odd] }, odd.domain) ?? '';
    const block = shellBlocks(text).find((b) => b.startsWith('GROUP=')) ?? '';
    const result = spawnSync('bash', ['-c', `${block}\nprintf '%s' "$GROUP"`], { encoding: 'utf8' });
    expect(result.stdout).toBe("team's group $HOME");
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
  it.each(cases)(
    "%s: the group's section holds every fact its own page gave: group, service, topics, replay, DLQs, retry tiers, boxes",
    (_, topology, group) => {
      const { section } = parts(topology, group);
      expect(section).not.toBe('');
      expect(section).toContain(`Service \`${group.service}\`, principal \`${group.principal}\``);
      if (group.maxProcessingLagMs !== null) expect(section).toContain(`tolerates ${formatMs(group.maxProcessingLagMs)} of lag`);
      expect(section).toContain(group.idempotency === null ? '- [ ] **Idempotence**: not declared' : `- [x] **Idempotence**: ${group.idempotency}`);
      // The example's groups state their replay safety: the boxes are checked from the statements, not left for a person.
      const effects = group.replaySafety?.sideEffects;
      expect(section).toContain(
        group.replaySafety?.deterministic === true ? '- [x] **Deterministic processing**: declared' : '- [ ] **Deterministic processing**',
      );
      expect(section).toContain(
        effects?.control === 'guarded'
          ? `- [x] **Controlled external side effects**: guarded by ${effects.by}`
          : effects?.control === 'none'
            ? '- [x] **Controlled external side effects**: declared none'
            : '- [ ] **Controlled external side effects**',
      );
      expect(section).toContain(group.offsetCommit.mode === 'manual' ? '- [x] **Offsets**' : '- [ ] **Offsets** are auto-committed');
      for (const s of group.subscriptions) {
        const topic = topology.topics.find((t) => t.kind === 'event' && t.name === s.topicName);
        if (topic?.kind !== 'event') throw new Error(`no event topic ${s.topicName}`);
        expect(section).toContain(`- [${topic.retentionBytes === null ? 'x' : ' '}] **Retention** of \`${topic.name}\``);
        expect(section).toContain(`Topic \`${topic.name}\``);
        expect(section).toContain(
          topic.replay.kind === 'window'
            ? `replay window ${formatMs(toMs(topic.replay.window))}`
            : `longest reindex ${formatMs(toMs(topic.replay.longestReindex))}`,
        );
        if (topic.retentionMs !== null) expect(section).toContain(formatMs(topic.retentionMs.value));
        s.retryTopics.forEach((r, i) => expect(section).toContain(`\`${r}\` after ${formatMs(group.retryDelaysMs[i] ?? 0)}`));
        if (s.deadLetterTopic !== null) {
          expect(section).toContain(`Dead-letter topic \`${s.deadLetterTopic}\`: poison pills of \`${s.topicName}\``);
          const dlq = topology.topics.find((t) => t.name === s.deadLetterTopic);
          if (dlq?.retentionMs !== null && dlq?.retentionMs !== undefined) expect(section).toContain(`Kept ${formatMs(dlq.retentionMs.value)}`);
        }
      }
    },
  );

  it('leaves both boxes for a person when a group makes no replay-safety statement, and says when it is not replay-safe', () => {
    const [, topology, group] = cases[0] ?? [];
    if (topology === undefined || group === undefined) throw new Error('no example group');
    const silent = { ...group };
    delete (silent as { replaySafety?: unknown }).replaySafety;
    const only = (g: ResolvedConsumerGroup): string => renderDomainRunbook({ ...topology, consumerGroups: [g] }, g.domain) ?? '';
    const without = only(silent);
    expect(without).toContain('- [ ] **Deterministic processing**: not declared: confirm it.');
    expect(without).toContain(`- [ ] **Controlled external side effects**: not declared: confirm them for \`${group.service}\`.`);
    const text = only({
      ...group,
      replaySafety: { deterministic: false, sideEffects: { control: 'not-replay-safe' as const, reason: 'sends an SMS per event' } },
    });
    expect(text).toContain('- [ ] **Deterministic processing**: declared **not** deterministic');
    expect(text).toContain('- [ ] **Controlled external side effects**: declared **not replay-safe**: sends an SMS per event.');
  });

  it('says when a group has no dead-letter topic, and leaves the re-drive out of a domain none of whose groups has one', () => {
    const topology = edgeCaseTopology();
    const group = topology.consumerGroups.find((g) => g.groupId === 'billing.audit');
    if (group === undefined) throw new Error('no billing.audit in the edge-case topology');
    expect(parts(topology, group).section).toContain('declares no dead-letter topic');
    const alone = renderDomainRunbook({ ...topology, consumerGroups: [group] }, group.domain) ?? '';
    expect(alone).not.toContain('$REDRIVE_FROM');
    expect(alone).not.toContain('DLQ=');
  });

  it('writes one page per domain that owns a group or runs a sink connector, and none per group', () => {
    for (const t of topologies) {
      const env = t.environment.name;
      const pages = [...files.keys()].filter((p) => p.startsWith(`docs/${env}/runbooks/`)).sort();
      const sinks = (t.connect?.connectors ?? []).filter((k) => k.type === 'sink');
      expect(pages).toEqual([...new Set([...t.consumerGroups, ...sinks].map((r) => `docs/${env}/runbooks/${r.domain}.md`))].sort());
    }
  });
});

/** The replay checks, in the order every reader's section lists them; Retention once per topic read. */
const CHECKS = ['Idempotence', 'Retention', 'Deterministic processing', 'Controlled external side effects', 'Offsets'] as const;

/**
 * What the checks and the topic lines mean, in the words of the design's replay preconditions: each stands on a page
 * once, however many readers it has (it stood in every group's section before issue 26).
 */
const EXPLANATIONS = [
  'no wall clock, random ids, or reads of state that changed since the event',
  'outside Kafka (payments, e-mails, calls to other services) is deduplicated or switched off for the replay',
  'so the reset point is where processing resumes',
] as const;

const runbookPages = [...files].filter(([path]) => path.includes('/runbooks/'));
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('replay runbooks explain each check once and give each group its own status', () => {
  it.each(runbookPages)('%s: every check is explained once, in a section before the steps', (_, text) => {
    const explainedAt = text.indexOf('\n## Replay checks\n');
    const stepsAt = text.indexOf('\n## Set up\n');
    expect(explainedAt).toBeGreaterThan(0);
    expect(explainedAt).toBeLessThan(stepsAt);
    const explained = text.slice(explainedAt, stepsAt);
    for (const check of CHECKS) expect(explained, check).toContain(`\n- **${check}**`);
    for (const part of EXPLANATIONS) expect(count(text, part), part).toBe(1);
    // The topic lines' meaning, once for each form the page shows.
    for (const [form, shown] of [
      ['**Replay window**: consumers can reset offsets up to that far back', text.includes(': replay window ')],
      ['**Full replay**: a compacted topic keeps the latest event of every key', text.includes(': full replay (compacted by ')],
      ['**Re-reading all of it**', text.includes('Re-reading all of it: at most')],
    ] as const) {
      expect(count(text, form), form).toBe(shown ? 1 : 0);
    }
  });

  it.each(cases)('%s: its section lists every check once with its status, Retention once per topic it reads', (_, topology, group) => {
    const { section } = parts(topology, group);
    const boxes = section.split('\n').filter((l) => /^- \[[x ]\] /.test(l));
    for (const check of CHECKS) {
      const lines = boxes.filter((l) => l.startsWith(`- [x] **${check}**`) || l.startsWith(`- [ ] **${check}**`));
      expect(lines.length, check).toBe(check === 'Retention' ? group.subscriptions.length : 1);
    }
    expect(boxes.length).toBe(CHECKS.length - 1 + group.subscriptions.length);
  });

  it.each(cases)("%s: each topic's line keeps its replay facts: window and retention, or longest reindex and tombstones", (_, topology, group) => {
    const { section } = parts(topology, group);
    for (const s of group.subscriptions) {
      const topic = topology.topics.find((t) => t.kind === 'event' && t.name === s.topicName);
      if (topic?.kind !== 'event') throw new Error(`no event topic ${s.topicName}`);
      if (topic.replay.kind === 'window') {
        const kept = topic.retentionMs === null ? '' : `, events kept ${formatMs(topic.retentionMs.value)}`;
        expect(section).toContain(`Topic \`${topic.name}\`: replay window ${formatMs(toMs(topic.replay.window))}${kept}.`);
        if (topic.throughput !== null && group.processingTimePerMessageMs !== null && topic.retentionMs !== null) {
          // Peak messages per second × the seconds the topic keeps them.
          const messages = Math.round((topic.throughput.peakMessagesPerSecond * topic.retentionMs.value) / 1000);
          expect(section).toContain(`Re-reading all of it: at most ${messages.toLocaleString('en-US')} messages (peak `);
        }
      } else {
        expect(section).toContain(
          `Topic \`${topic.name}\`: full replay (compacted by \`${topic.key?.field ?? ''}\`): longest reindex ${formatMs(toMs(topic.replay.longestReindex))}, tombstones kept ${formatMs(Number(topic.config['delete.retention.ms']))}.`,
        );
      }
    }
  });
});
