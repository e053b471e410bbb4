/**
 * One replay and re-drive runbook per domain, covering the consumer groups it owns: the steps once (stop the group,
 * save its offsets, the exact `kafka-consumer-groups.sh --reset-offsets` commands — to-datetime, shift-by,
 * to-earliest —, restart, roll back, dead-letter re-drive), then a section per group with what differs: the replay
 * preconditions of the design (deterministic processing, idempotence, retention long enough, controlled external side
 * effects) as a checklist filled from the declarations, and the group's names as shell variables (`GROUP`, `TOPIC`,
 * `DLQ`) that the steps' commands read.
 *
 * Why per domain: a page per group repeated the same ~7 KB of steps for every group (15 MB of 19 MB of stacks at
 * 1,000 topics); the steps are the same commands with other names. A group's facts stay on the page, in its section.
 * For the same reason what each precondition means, how to confirm it, and what a topic line's facts mean are said
 * once, before the steps (checksExplained): a group's section keeps each check's status and the group's own facts.
 *
 * Safe to paste: one shell helper (`kgroups`) carries the connection flags, so each command starts with what it does
 * (`--reset-offsets --to-earliest`) and ends with `--dry-run` or `--execute`; every block that reads a variable first
 * stops with a message when it is not set; the dry run and the execution are in separate code blocks, since GitHub's
 * copy button copies a whole block and one block holding both would run both; and lines are at most
 * RUNBOOK_LINE_WIDTH wide (artifacts/shell.ts).
 */
import type { ResolvedConnector, ResolvedConsumerGroup, ResolvedEventTopic, Topology } from '../model/topology';
import { replayFacts } from './catalog/facts';
import { formatCount, formatMs } from './format';
import { RUNBOOK_LINE_WIDTH } from './limits';
import { cell, code, document, GENERATED_MARKDOWN, link } from './markdown';
import { lookup } from './lookup';
import { checkBox, checksExplained, replaySafetyChecks, retentionChecks, type PageReaders } from './replay-safety';
import { linkFrom, paths, runbookHeading } from './paths';
import { assign, HELPER, inspectDeadLetters, needDlq, needGroup, needTopic, required, sh } from './runbook-blocks';
import { sinkConnectorsOf, sinkRunbook } from './runbook-sinks';
import { shellCommand } from './shell';

/**
 * The runbook of `domain`'s consumer groups and sink connectors in `topology`, or undefined when it owns neither. A
 * page without sink connectors reads as it did before they had sections.
 */
export function renderDomainRunbook(topology: Topology, domainName: string): string | undefined {
  const groups = lookup(topology).ofDomain(domainName).consumerGroups;
  const sinks = sinkConnectorsOf(topology, domainName);
  if (groups.length === 0 && sinks.length === 0) return undefined;
  const env = topology.environment;
  const here = paths.runbook(env.name, domainName);
  const domain = lookup(topology).domain(domainName);
  const readers = [
    groups.length === 0 ? '' : groups.length === 1 ? 'one consumer group' : `${formatCount(groups.length)} consumer groups`,
    sinks.length === 0 ? '' : sinks.length === 1 ? 'one sink connector' : `${formatCount(sinks.length)} sink connectors`,
  ].filter((r) => r !== '');

  const lines: string[] = [
    GENERATED_MARKDOWN,
    `# Runbook: replay and re-drive for the ${groups.length === 0 ? '' : 'consumer groups'}${groups.length > 0 && sinks.length > 0 ? ' and ' : ''}${sinks.length === 0 ? '' : 'sink connectors'} of domain ${code(domainName)} (${env.name})`,
    '',
    `Domain ${link(domainName, linkFrom(here, paths.domainPage(env.name, domainName)))}${domain === undefined ? '' : ` (owner ${cell(domain.owner)})`}, ` +
      `${readers.join(' and ')}.` +
      `${domain?.recoveryProcedure === undefined ? '' : ` The domain's recovery procedure: ${cell(domain.recoveryProcedure)}.`}`,
    '',
    ...(groups.length === 0
      ? []
      : [
          "The steps are the same for every group; the names they act on are shell variables. First check the group's preconditions in its section below and paste its `GROUP` block; in step 3 paste a topic's `TOPIC` block before its commands, and in the re-drive a dead-letter topic's `DLQ` block. Every block that needs a variable stops when it is not set.",
          '',
        ]),
    ...checksExplained(pageReaders(topology, groups, sinks), code),
    '## Set up',
    '',
    `Paste this block first, into the shell you run every other command in: it checks the two variables and defines ${code(HELPER)}, which runs ${code('kafka-consumer-groups.sh')} with the connection flags. ${code('CLIENT_CONFIG')} is a client .properties file with the credentials of the group's principal (it may reset its group: it has Group READ on the group id and Topic READ on every topic involved) or of an operator.`,
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
  ];
  if (groups.length > 0) lines.push(...groupSteps(groups));
  for (const g of groups) lines.push(...groupSection(topology, g));
  if (sinks.length > 0) lines.push(...sinkRunbook(topology, sinks));
  return document(lines);
}

/** What the page's readers read, for the explanation of its checks and topic lines. */
function pageReaders(topology: Topology, groups: readonly ResolvedConsumerGroup[], sinks: readonly ResolvedConnector[]): PageReaders {
  const index = lookup(topology);
  const names = new Set([...groups.flatMap((g) => g.subscriptions.map((s) => s.topicName)), ...sinks.flatMap((k) => k.topics.map((t) => t.topicName))]);
  const topics = [...names].flatMap((name) => index.eventTopic(name) ?? []);
  const estimates = groups.some((g) =>
    g.subscriptions.some((s) => {
      const t = index.eventTopic(s.topicName);
      return t !== undefined && estimate(g, t) !== '';
    }),
  );
  return { groups: groups.length > 0, sinks: sinks.length > 0, topics, estimates };
}

/** The steps of a group's replay, once for every group of the page, up to the groups' heading. */
function groupSteps(groups: readonly ResolvedConsumerGroup[]): string[] {
  const backup = '"$GROUP.offsets-before.csv"';
  const anyDlq = groups.some((g) => g.subscriptions.some((s) => s.deadLetterTopic !== null));
  return [
    '## 1. Stop the group',
    '',
    "Offsets can be reset only while the group has no active members: scale the group's service to zero, then check.",
    '',
    ...sh([needGroup, [HELPER, '--describe', '--members', '--group', '"$GROUP"']]),
    '',
    "Expect `Consumer group '<the group id>' has no active members.`",
    '',
    '## 2. Save the current offsets',
    '',
    `A dry run of a reset to the current offsets, exported: the file ${code('<the group id>.offsets-before.csv')} is what the roll back reads.`,
    '',
    ...sh([needGroup, [HELPER, '--reset-offsets', '--to-current', '--export', '--all-topics', '--group', '"$GROUP"', '--dry-run', '>', backup]]),
    '',
    '## 3. Move the offsets',
    '',
    "Per topic the group reads (its `TOPIC` block in the group's section), pick one way. Run its dry run first (it prints the new offsets and changes nothing), read the output, then run the block below it, the same command with `--execute`.",
    '',
    ...option(
      'From a point in time',
      "every event since `$REPLAY_FROM` (format `YYYY-MM-DDTHH:mm:SS.sss`, UTC unless a zone such as `+02:00` follows); on a topic with a replay window it must be within the window, older events may be gone; on a compacted topic an older event may already have been replaced by a later one of the same key. The group's section says which.",
      [needTopic, required('REPLAY_FROM', 'set REPLAY_FROM, e.g. 2025-01-31T08:00:00.000Z')],
      ['--reset-offsets', '--to-datetime', '"$REPLAY_FROM"', '--group', '"$GROUP"', '--topic', '"$TOPIC"'],
    ),
    ...option(
      'Back by a number of messages',
      'the last `$MESSAGES` messages of every partition again.',
      [needTopic, required('MESSAGES', 'set MESSAGES to how many messages per partition to re-read')],
      ['--reset-offsets', '--shift-by', '"-$MESSAGES"', '--group', '"$GROUP"', '--topic', '"$TOPIC"'],
    ),
    ...option(
      'From the beginning',
      "everything still retained (a compacted topic: the latest state of every key, and the tombstones of recently deleted ones); the group's section says how far back that is.",
      [needTopic],
      ['--reset-offsets', '--to-earliest', '--group', '"$GROUP"', '--topic', '"$TOPIC"'],
    ),
    "Leave a group's retry tiers (listed in its section) where they are: replaying the topic re-creates any failure, and resetting a tier would run retries that were already done.",
    '',
    '## 4. Restart and watch',
    '',
    ...sh([needGroup, [HELPER, '--describe', '--group', '"$GROUP"']]),
    '',
    "LAG is what the replay will process. Start the group's service again and watch LAG fall; a group that declares a lag tolerance (in its section) raises its lag alerts during the replay.",
    '',
    '## Roll back',
    '',
    'Back to the offsets saved in step 2 (group stopped). Dry run:',
    '',
    ...sh([needGroup, [HELPER, '--reset-offsets', '--from-file', backup, '--group', '"$GROUP"', '--dry-run']]),
    '',
    'Then:',
    '',
    ...sh([[HELPER, '--reset-offsets', '--from-file', backup, '--group', '"$GROUP"', '--execute']]),
    '',
    ...(anyDlq ? deadLetterSteps() : []),
    '## Consumer groups',
    '',
  ];
}

function deadLetterSteps(): string[] {
  return [
    '## Dead letters: inspect and re-drive',
    '',
    "For a group with dead-letter topics (each has a `DLQ` block in the group's section):",
    '',
    "1. See how many there are and look at them, with an operator's credentials (the service's principal may join only its own group):",
    '',
    ...inspectDeadLetters(needDlq, '   '),
    '',
    '2. Fix the cause and deploy the fix first: a dead letter that fails again goes straight back to the dead-letter topic.',
    "3. Re-drive: the group's service reads the dead-letter topic with its own group id (its principal has Topic READ on the dead-letter topic and Group READ on the group) and processes each record with its normal handler, committing after each one. To re-drive only the dead letters since a point in time, stop the group and move its offset on the dead-letter topic first. Dry run:",
    '',
    ...sh(
      [
        needGroup,
        needDlq,
        required('REDRIVE_FROM', 'set REDRIVE_FROM, e.g. 2025-01-31T08:00:00.000Z'),
        [HELPER, '--reset-offsets', '--to-datetime', '"$REDRIVE_FROM"', '--group', '"$GROUP"', '--topic', '"$DLQ"', '--dry-run'],
      ],
      '   ',
    ),
    '',
    '   Then:',
    '',
    ...sh([[HELPER, '--reset-offsets', '--to-datetime', '"$REDRIVE_FROM"', '--group', '"$GROUP"', '--topic', '"$DLQ"', '--execute']], '   '),
    '',
    '4. Check: LAG is 0 on the dead-letter topic when every dead letter was re-driven.',
    '',
    ...sh([needGroup, [HELPER, '--describe', '--group', '"$GROUP"']], '   '),
    '',
  ];
}

/** What differs per group: who it is, its preconditions, and its names as the variables the steps read. */
function groupSection(topology: Topology, g: ResolvedConsumerGroup): string[] {
  const index = lookup(topology);
  const topics = g.subscriptions.flatMap((s) => {
    const t = index.eventTopic(s.topicName);
    return t === undefined ? [] : [{ subscription: s, topic: t }];
  });
  const lines = [
    runbookHeading(g.groupId),
    '',
    `Service ${code(g.service)}, principal ${code(g.principal)}; reads ${topics.map((t) => code(t.topic.name)).join(', ')}` +
      `${g.maxProcessingLagMs === null ? '' : `; tolerates ${formatMs(g.maxProcessingLagMs)} of lag`}.`,
    '',
    ...checklist(
      g,
      topics.map((t) => t.topic),
    ),
    '',
    ...sh([assign('GROUP', g.groupId)]),
    '',
  ];
  for (const { subscription, topic } of topics) {
    const retries =
      subscription.retryTopics.length === 0
        ? ''
        : ` Retry tiers (leave them): ${subscription.retryTopics.map((r, i) => `${code(r)} after ${formatMs(g.retryDelaysMs[i] ?? 0)}`).join(', ')}.`;
    lines.push(`Topic ${code(topic.name)}: ${replayFacts(topic, code)}.${retries}${estimate(g, topic)}`, '', ...sh([assign('TOPIC', topic.name)]), '');
  }
  const dlqs = g.subscriptions.filter((s) => s.deadLetterTopic !== null);
  if (dlqs.length === 0) lines.push('This group declares no dead-letter topic: a message that keeps failing blocks its partition until the code is fixed.', '');
  for (const s of dlqs) {
    const dlq = s.deadLetterTopic ?? '';
    const dlqTopic = index.topic(dlq);
    const kept = dlqTopic?.retentionMs === null || dlqTopic === undefined ? '' : ` Kept ${formatMs(dlqTopic.retentionMs.value)}.`;
    lines.push(
      `Dead-letter topic ${code(dlq)}: poison pills of ${code(s.topicName)} that failed${s.retryTopics.length === 0 ? '' : ` every retry tier (${s.retryTopics.length})`}.${kept}`,
      '',
      ...sh([assign('DLQ', dlq)]),
      '',
    );
  }
  return lines;
}

/** One way to move the offsets: what it does, its dry run (with the variables it needs), and its execution, each its own block. */
function option(title: string, what: string, setup: ReadonlyArray<readonly string[]>, action: readonly string[]): string[] {
  return [
    `**${title}**: ${what} Dry run:`,
    '',
    ...sh([needGroup, ...setup, [HELPER, ...action, '--dry-run']]),
    '',
    'Then:',
    '',
    ...sh([[HELPER, ...action, '--execute']]),
    '',
  ];
}

function checklist(g: ResolvedConsumerGroup, topics: readonly ResolvedEventTopic[]): string[] {
  const box = (ok: boolean, text: string): string => checkBox({ ok, text });
  return [
    box(g.idempotency !== null, g.idempotency === null ? '**Idempotence**: not declared.' : `**Idempotence**: ${cell(g.idempotency)}`),
    ...retentionChecks(topics, code).map(checkBox),
    ...replaySafetyChecks(g.replaySafety, g.service, { cell, code }).map(checkBox),
    box(
      g.offsetCommit.mode === 'manual',
      g.offsetCommit.mode === 'manual'
        ? '**Offsets**: committed manually after processing.'
        : `**Offsets** are auto-committed (${cell(g.offsetCommit.reason ?? '')}): a crash during the replay may skip events.`,
    ),
  ];
}

/** How long re-reading the whole retention takes at the declared peak, as a sentence with a leading space, or ''. */
function estimate(g: ResolvedConsumerGroup, topic: ResolvedEventTopic): string {
  if (topic.throughput === null || g.processingTimePerMessageMs === null || topic.replay.kind !== 'window' || topic.retentionMs === null) return '';
  const seconds = topic.retentionMs.value / 1000;
  const messages = topic.throughput.peakMessagesPerSecond * seconds;
  const busyMs = (messages * g.processingTimePerMessageMs) / topic.partitions.value;
  return ` Re-reading all of it: at most ${formatCount(Math.round(messages))} messages (peak ${formatCount(topic.throughput.peakMessagesPerSecond)} msg/s), ${formatMs(g.processingTimePerMessageMs)} each over ${topic.partitions.value} partitions: up to ${formatMs(Math.round(busyMs))}.`;
}
