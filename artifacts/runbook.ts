/**
 * A replay and re-drive runbook per consumer group: the replay preconditions of the design (deterministic processing,
 * idempotence, retention long enough, controlled external side effects) as a checklist filled from the declarations,
 * the exact `kafka-consumer-groups.sh --reset-offsets` commands (to-datetime, shift-by, to-earliest), a saved-offsets
 * rollback, and the dead-letter re-drive.
 *
 * Safe to paste: one shell helper (`kgroups`) carries the connection flags, so each command starts with what it does
 * (`--reset-offsets --to-earliest`) and ends with `--dry-run` or `--execute`; the dry run and the execution are in
 * separate code blocks, since GitHub's copy button copies a whole block and one block holding both would run both; and
 * lines are at most RUNBOOK_LINE_WIDTH wide (artifacts/shell.ts).
 */
import type { ResolvedConsumerGroup, ResolvedEventTopic, Topology } from '../model/topology';
import { durationText, replayText } from './catalog/facts';
import { formatCount, formatMs } from './format';
import { RUNBOOK_LINE_WIDTH } from './limits';
import { cell, code, document, GENERATED_MARKDOWN, link } from './markdown';
import { lookup } from './lookup';
import { replaySafetyChecks } from './replay-safety';
import { linkFrom, paths } from './paths';
import { shellCommand } from './shell';

/** The shell helper the setup block defines: kafka-consumer-groups.sh with the cluster's connection flags after the caller's. */
const HELPER = 'kgroups';

/** A fenced `sh` block of commands, each given as its words, wrapped to the runbook width; `indent` for a list item. */
function sh(commands: ReadonlyArray<readonly string[]>, indent = ''): string[] {
  return ['```sh', ...commands.flatMap((words) => shellCommand(words)), '```'].map((line) => (line === '' ? line : `${indent}${line}`));
}

/** `: "${NAME:?message}"`: stops a pasted block with the message when the variable is not set (one word, never wrapped). */
function required(name: string, message: string): string[] {
  return [`: "\${${name}:?${message}}"`];
}

export function renderRunbook(topology: Topology, g: ResolvedConsumerGroup): string {
  const env = topology.environment;
  const here = paths.runbook(env.name, g.groupId);
  const index = lookup(topology);
  const topics = g.subscriptions.flatMap((s) => {
    const t = index.eventTopic(s.topicName);
    return t === undefined ? [] : [{ subscription: s, topic: t }];
  });
  const domain = index.domain(g.domain);
  const group = g.groupId;
  const backup = `${group}.offsets-before.csv`;

  const lines: string[] = [
    GENERATED_MARKDOWN,
    `# Runbook: replay and re-drive for consumer group ${code(group)} (${env.name})`,
    '',
    `Service ${code(g.service)}, principal ${code(g.principal)}, domain ${link(g.domain, linkFrom(here, paths.domainPage(env.name, g.domain)))}` +
      `${domain === undefined ? '' : ` (owner ${cell(domain.owner)})`}. Reads ${topics.map((t) => code(t.topic.name)).join(', ')}.` +
      `${domain?.recoveryProcedure === undefined ? '' : ` The domain's recovery procedure: ${cell(domain.recoveryProcedure)}.`}`,
    '',
    '## Before a replay: preconditions',
    '',
    'A replay is safe only with deterministic processing, idempotence, retention long enough, and controlled external side effects. Checked boxes are met by the declarations; the others need a person.',
    '',
    ...checklist(
      g,
      topics.map((t) => t.topic),
    ),
    '',
    '## Set up',
    '',
    `Paste this block first, into the shell you run every other command in: it checks the two variables and defines ${code(HELPER)}, which runs ${code('kafka-consumer-groups.sh')} with the connection flags. ${code('CLIENT_CONFIG')} is a client .properties file with the credentials of ${code(g.principal)} (it may reset this group: it has Group READ on ${code(group)} and Topic READ on every topic involved) or of an operator.`,
    '',
    '```sh',
    ...shellCommand(required('BOOTSTRAP', `set BOOTSTRAP to the bootstrap servers of ${env.name}`)),
    ...shellCommand(required('CLIENT_CONFIG', 'set CLIENT_CONFIG to a client .properties file')),
    `${HELPER}() {`,
    ...shellCommand(
      ['kafka-consumer-groups.sh', '"$@"', '--bootstrap-server', '"$BOOTSTRAP"', '--command-config', '"$CLIENT_CONFIG"'],
      RUNBOOK_LINE_WIDTH - 2,
    ).map((l) => `  ${l}`),
    '}',
    '```',
    '',
    '## 1. Stop the group',
    '',
    `Offsets can be reset only while the group has no active members: scale ${code(g.service)} to zero, then check.`,
    '',
    ...sh([[HELPER, '--describe', '--members', '--group', group]]),
    '',
    `Expect \`Consumer group '${group}' has no active members.\``,
    '',
    '## 2. Save the current offsets',
    '',
    `A dry run of a reset to the current offsets, exported: the file ${code(backup)} is what the roll back reads.`,
    '',
    ...sh([[HELPER, '--reset-offsets', '--to-current', '--export', '--all-topics', '--group', group, '--dry-run', '>', backup]]),
    '',
    '## 3. Move the offsets',
    '',
    'Pick one way per topic. Run its dry run first (it prints the new offsets and changes nothing), read the output, then run the block below it, the same command with `--execute`.',
    '',
  ];
  for (const { subscription, topic } of topics) {
    lines.push(`### ${code(topic.name)}`, '', `${capitalize(cell(replayText(topic)))}.`, '');
    const scope = ['--group', group, '--topic', topic.name];
    lines.push(
      ...option(
        'From a point in time',
        `every event since \`$REPLAY_FROM\` (format \`YYYY-MM-DDTHH:mm:SS.sss\`, UTC unless a zone such as \`+02:00\` follows)${
          topic.replay.kind === 'window'
            ? `; it must be within the replay window ${durationText(topic.replay.window)}, older events may be gone`
            : `; the topic is compacted, so an older event may already have been replaced by a later one of the same ${code(topic.key?.field ?? 'key')}`
        }.`,
        [required('REPLAY_FROM', 'set REPLAY_FROM, e.g. 2025-01-31T08:00:00.000Z')],
        ['--reset-offsets', '--to-datetime', '"$REPLAY_FROM"', ...scope],
      ),
      ...option(
        'Back by a number of messages',
        'the last `$MESSAGES` messages of every partition again.',
        [required('MESSAGES', 'set MESSAGES to how many messages per partition to re-read')],
        ['--reset-offsets', '--shift-by', '"-$MESSAGES"', ...scope],
      ),
      ...option(
        'From the beginning',
        topic.replay.kind === 'window'
          ? `everything still retained (about ${topic.retentionMs === null ? 'the retention' : formatMs(topic.retentionMs.value)} back).`
          : `a full reindex: the latest state of every ${code(topic.key?.field ?? 'key')}, and the tombstones of recently deleted ones.`,
        [],
        ['--reset-offsets', '--to-earliest', ...scope],
      ),
    );
    if (subscription.retryTopics.length > 0) {
      lines.push(
        `Leave the retry tiers (${subscription.retryTopics.map(code).join(', ')}) where they are: replaying ${code(topic.name)} re-creates any failure, and resetting a tier would run retries that were already done.`,
        '',
      );
    }
    lines.push(...estimate(g, topic));
  }
  lines.push(
    '## 4. Restart and watch',
    '',
    ...sh([[HELPER, '--describe', '--group', group]]),
    '',
    `LAG is what the replay will process. Start ${code(g.service)} again and watch LAG fall${g.maxProcessingLagMs === null ? '' : `; the group tolerates ${formatMs(g.maxProcessingLagMs)} of lag, so expect its lag alerts during the replay`}.`,
    '',
    '## Roll back',
    '',
    'Back to the offsets saved in step 2 (group stopped). Dry run:',
    '',
    ...sh([[HELPER, '--reset-offsets', '--from-file', backup, '--group', group, '--dry-run']]),
    '',
    'Then:',
    '',
    ...sh([[HELPER, '--reset-offsets', '--from-file', backup, '--group', group, '--execute']]),
    '',
    '## Dead letters: inspect and re-drive',
    '',
  );
  const dlqs = g.subscriptions.filter((s) => s.deadLetterTopic !== null);
  if (dlqs.length === 0) {
    lines.push(`This group declares no dead-letter topic: a message that keeps failing blocks its partition until the code is fixed.`, '');
  }
  for (const s of dlqs) {
    const dlq = s.deadLetterTopic ?? '';
    const dlqTopic = lookup(topology).topic(dlq);
    const kept = dlqTopic?.retentionMs === null || dlqTopic === undefined ? '' : ` Dead letters are kept ${formatMs(dlqTopic.retentionMs.value)}.`;
    lines.push(
      `### ${code(dlq)}`,
      '',
      `Poison pills of ${code(s.topicName)} that failed${s.retryTopics.length === 0 ? '' : ` every retry tier (${s.retryTopics.length})`}.${kept}`,
      '',
      "1. See how many there are and look at them, with an operator's credentials (the service's principal may join only its own group):",
      '',
      ...sh(
        [
          required('OPERATOR_CONFIG', 'set OPERATOR_CONFIG to the operator .properties file'),
          ['kafka-get-offsets.sh', '--topic', dlq, '--bootstrap-server', '"$BOOTSTRAP"', '--command-config', '"$OPERATOR_CONFIG"'],
          [
            'kafka-console-consumer.sh',
            '--topic',
            dlq,
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
            '"$BOOTSTRAP"',
            '--consumer.config',
            '"$OPERATOR_CONFIG"',
          ],
        ],
        '   ',
      ),
      '',
      '2. Fix the cause and deploy the fix first: a dead letter that fails again goes straight back to the dead-letter topic.',
      `3. Re-drive: ${code(g.service)} reads ${code(dlq)} with its own group id ${code(group)} (its principal has Topic READ on the dead-letter topic and Group READ on the group) and processes each record with its normal handler, committing after each one. To re-drive only the dead letters since a point in time, stop the group and move its offset on the dead-letter topic first. Dry run:`,
      '',
      ...sh(
        [
          required('REDRIVE_FROM', 'set REDRIVE_FROM, e.g. 2025-01-31T08:00:00.000Z'),
          [HELPER, '--reset-offsets', '--to-datetime', '"$REDRIVE_FROM"', '--group', group, '--topic', dlq, '--dry-run'],
        ],
        '   ',
      ),
      '',
      '   Then:',
      '',
      ...sh([[HELPER, '--reset-offsets', '--to-datetime', '"$REDRIVE_FROM"', '--group', group, '--topic', dlq, '--execute']], '   '),
      '',
      `4. Check: LAG is 0 on ${code(dlq)} when every dead letter was re-driven.`,
      '',
      ...sh([[HELPER, '--describe', '--group', group]], '   '),
      '',
    );
  }
  return document(lines);
}

function capitalize(text: string): string {
  return text.length === 0 ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** One way to move the offsets: what it does, its dry run (with the variables it needs), and its execution, each its own block. */
function option(title: string, what: string, setup: ReadonlyArray<readonly string[]>, action: readonly string[]): string[] {
  return [
    `**${title}**: ${what} Dry run:`,
    '',
    ...sh([...setup, [HELPER, ...action, '--dry-run']]),
    '',
    'Then:',
    '',
    ...sh([[HELPER, ...action, '--execute']]),
    '',
  ];
}

function checklist(g: ResolvedConsumerGroup, topics: readonly ResolvedEventTopic[]): string[] {
  const box = (ok: boolean, text: string): string => `- [${ok ? 'x' : ' '}] ${text}`;
  const items = [
    box(
      g.idempotency !== null,
      g.idempotency === null
        ? '**Idempotence**: not declared. A replay re-delivers events this group has already processed; declare `idempotency` once duplicates are harmless.'
        : `**Idempotence**: ${cell(g.idempotency)}`,
    ),
    ...topics.map((t) =>
      box(
        t.retentionBytes === null,
        `**Retention** of ${code(t.name)}: ${cell(replayText(t))}.${t.retentionBytes === null ? '' : ` A byte cap (retention.bytes ${t.retentionBytes} per partition) may have cut the window: check the timestamp of the earliest offset.`}`,
      ),
    ),
    ...replaySafetyChecks(g.replaySafety, g.service, { cell, code }).map((c) => box(c.ok, c.text)),
    box(
      g.offsetCommit.mode === 'manual',
      g.offsetCommit.mode === 'manual'
        ? '**Offsets** are committed manually after processing, so the reset point is where processing resumes.'
        : `**Offsets** are auto-committed (${cell(g.offsetCommit.reason ?? '')}): a crash during the replay may skip events.`,
    ),
  ];
  return items;
}

function estimate(g: ResolvedConsumerGroup, topic: ResolvedEventTopic): string[] {
  if (topic.throughput === null || g.processingTimePerMessageMs === null || topic.replay.kind !== 'window' || topic.retentionMs === null) return [];
  const seconds = topic.retentionMs.value / 1000;
  const messages = topic.throughput.peakMessagesPerSecond * seconds;
  const busyMs = (messages * g.processingTimePerMessageMs) / topic.partitions.value;
  return [
    `How long: re-reading all ${formatMs(topic.retentionMs.value)} at the declared peak (${formatCount(topic.throughput.peakMessagesPerSecond)} msg/s) is at most ${formatCount(Math.round(messages))} messages; at ${formatMs(g.processingTimePerMessageMs)} each over ${topic.partitions.value} partitions (one instance per partition) that is up to ${formatMs(Math.round(busyMs))}. Real traffic is usually well below peak.`,
    '',
  ];
}
