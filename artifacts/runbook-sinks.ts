/**
 * The sink-connector part of a domain's replay runbook: the steps once, then a section per sink connector with its
 * replay preconditions (the replay-safety statement, not unchecked boxes) and its names as the shell variables the
 * steps read (`CONNECTOR`, `GROUP`, `TOPIC`, `DLQ`).
 *
 * A sink connector is a consumer group (`connect-<connector>` unless overridden) that Kafka Connect runs, so its
 * offsets are moved like a group's, but Connect owns the members: a paused connector keeps its tasks and their
 * consumers in the group (the group is not empty, so kafka-consumer-groups.sh refuses to reset it), and only a STOPPED
 * connector has none. From the Kafka Connect REST API reference (Apache Kafka documentation, "Kafka Connect → REST
 * API", https://kafka.apache.org/documentation/#connect_rest, and KIP-875 "First-class offsets support in Kafka
 * Connect", https://cwiki.apache.org/confluence/display/KAFKA/KIP-875%3A+First-class+offsets+support+in+Kafka+Connect):
 * - `PUT /connectors/{name}/pause`: pauses the connector and its tasks; "any resources claimed by its tasks are left
 *   allocated";
 * - `PUT /connectors/{name}/stop` (Connect 3.5+): stops the connector and shuts down its tasks; "the offsets for a
 *   connector can be only modified via the offsets management endpoints if it is in the stopped state";
 * - `PATCH /connectors/{name}/offsets` and `DELETE /connectors/{name}/offsets` (Connect 3.6+): alter or reset the
 *   offsets of a stopped connector; a sink's body is `{"offsets": [{"partition": {"kafka_topic", "kafka_partition"},
 *   "offset": {"kafka_offset"}}]}`, "a common format across all sink connectors"; Connect calls the connector's
 *   `alterOffsets` first, so a sink that keeps its own offsets in the external system can follow (or refuse);
 * - `PUT /connectors/{name}/resume`: resumes "a paused or stopped connector".
 * A sink's consumer gets `auto.offset.reset=earliest` from the worker unless overridden (Worker.baseConsumerConfigs in
 * apache/kafka connect/runtime), so after a DELETE of its offsets it starts from the earliest retained record.
 * Before 3.5 there is no STOPPED state: the connector is deleted (its group's committed offsets stay) and re-created
 * with its saved configuration, and its offsets are moved with kafka-consumer-groups.sh while it does not exist.
 */
import type { ResolvedConnector, ResolvedEventTopic, Topology } from '../model/topology';
import { replayFacts } from './catalog/facts';
import { formatMs } from './format';
import { lookup } from './lookup';
import { cell, code } from './markdown';
import { runbookSinkHeading } from './paths';
import { checkBox, replaySafetyChecks, retentionChecks } from './replay-safety';
import { assign, HELPER, inspectDeadLetters, required, sh } from './runbook-blocks';

/** The shell helper the sinks' set-up block defines: curl against the Connect REST API, failing on an HTTP error. */
const CONNECT_HELPER = 'kconnect';
/** The shell helper that turns an exported offsets CSV (`topic,partition,offset`) into a PATCH body. */
const OFFSETS_HELPER = 'koffsets';

// No quote characters in these messages: bash reads quotes inside `${NAME:?message}` even within double quotes.
const needConnector = required('CONNECTOR', 'set CONNECTOR: paste it from the connector section');
const needGroup = required('GROUP', 'set GROUP: paste it from the connector section');
const needTopic = required('TOPIC', 'set TOPIC: paste one from the connector section');
const needDlq = required('DLQ', 'set DLQ: paste it from the connector section');

const BEFORE = '"$GROUP.offsets-before.csv"';
const PLANNED = '"$GROUP.offsets-new.csv"';
const CONFIG = '"$CONNECTOR.config.json"';
const PATH = (suffix: string): string => `"/connectors/$CONNECTOR${suffix}"`;

/** The sink connectors of `domain` (their Connect cluster's domain), sorted by cluster and name. */
export function sinkConnectorsOf(topology: Topology, domain: string): ResolvedConnector[] {
  return lookup(topology)
    .otherClientsOf(domain)
    .connectors.filter((k) => k.type === 'sink')
    .sort((a, b) => (a.cluster.groupId === b.cluster.groupId ? compare(a.name, b.name) : compare(a.cluster.groupId, b.cluster.groupId)));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A block that applies only to some Connect versions, led by the versions in bold (the paste test selects by them). */
function forVersions(versions: string, what: string, block: string[]): string[] {
  return [`**${versions}**: ${what}`, '', ...block, ''];
}

export function sinkRunbook(topology: Topology, sinks: readonly ResolvedConnector[]): string[] {
  const anyDlq = sinks.some((k) => k.deadLetter !== null);
  const lines: string[] = [
    '## Sink connectors: the steps',
    '',
    "A sink connector reads its topics as a consumer group that Kafka Connect runs (`connect-<connector>` unless overridden), so a replay moves that group's offsets, but through Connect: the connector must be stopped first (a paused connector's tasks stay in the group). First check the connector's preconditions in its section below and paste its `CONNECTOR` and `GROUP` blocks; in step 3 paste a topic's `TOPIC` block. Where the steps differ by Kafka Connect version, each way is marked with the versions it is for: run only yours (`curl \"$CONNECT_URL/\"` prints the workers' `version`).",
    '',
    '### Set up for sink connectors',
    '',
    `After the set-up block above, paste this one: it checks ${code('CONNECT_URL')} (the REST URL of the connector's Connect cluster, named in its section) and defines ${code(CONNECT_HELPER)}, which calls the Connect REST API and fails on an HTTP error, and ${code(OFFSETS_HELPER)}, which turns an exported offsets file into the body of ${code('PATCH /connectors/<name>/offsets')}. ${code('CLIENT_CONFIG')} may hold the connector's principal (Group READ on its group, Topic READ on its topics) or an operator's.`,
    '',
    '```sh',
    ...required('CONNECT_URL', 'set CONNECT_URL to the Connect REST URL'),
    `${CONNECT_HELPER}() {`,
    `  curl -fsS -X "$1" -H 'Content-Type: application/json' \\`,
    `    "$CONNECT_URL$2" "\${@:3}"`,
    '}',
    `${OFFSETS_HELPER}() {`,
    "  local sep='' topic partition offset",
    `  printf '{"offsets":['`,
    '  while IFS=, read -r topic partition offset; do',
    `    printf '%s{"partition":{"kafka_topic":"%s","kafka_partition":%s},' \\`,
    '      "$sep" "$topic" "$partition"',
    `    printf '"offset":{"kafka_offset":%s}}' "$offset"`,
    "    sep=','",
    '  done < "$1"',
    `  printf ']}\\n'`,
    '}',
    '```',
    '',
    '### 1. Pause, then stop the connector',
    '',
    'Pausing stops the tasks from processing at once, so nothing more reaches the external system:',
    '',
    ...sh([needConnector, [CONNECT_HELPER, 'PUT', PATH('/pause')]]),
    '',
    "A paused connector's tasks keep their consumers in the group, and offsets can be moved only while the group has no members, so stop it:",
    '',
    ...forVersions(
      'Connect 3.5 or later',
      'stop it (its tasks shut down; its configuration and offsets stay) and check that its state is `STOPPED` with no tasks.',
      sh([needConnector, [CONNECT_HELPER, 'PUT', PATH('/stop')], [CONNECT_HELPER, 'GET', PATH('/status')]]),
    ),
    ...forVersions(
      'Connect before 3.5',
      "there is no STOPPED state: save the connector's configuration, then delete the connector (its group's committed offsets stay; step 4 re-creates it from the saved file).",
      sh([needConnector, [CONNECT_HELPER, 'GET', PATH('/config'), '>', CONFIG], [CONNECT_HELPER, 'DELETE', PATH('')]]),
    ),
    'Then check that the group has no members:',
    '',
    ...sh([needGroup, [HELPER, '--describe', '--members', '--group', '"$GROUP"']]),
    '',
    "Expect `Consumer group '<the group id>' has no active members.`",
    '',
    '### 2. Save the current offsets',
    '',
    `The file ${code('<the group id>.offsets-before.csv')} is what the roll back reads:`,
    '',
    ...sh([needGroup, [HELPER, '--reset-offsets', '--to-current', '--export', '--all-topics', '--group', '"$GROUP"', '--dry-run', '>', BEFORE]]),
    '',
    '### 3. Move the offsets',
    '',
    `Per topic the connector reads (its ${code('TOPIC')} block in the connector's section), pick one way. Its dry run changes nothing: it writes the new offsets to ${code('<the group id>.offsets-new.csv')} and prints them. Read them, then apply them with the block for your Connect version.`,
    '',
    ...dryRun(
      'From a point in time',
      "every record since `$REPLAY_FROM` (format `YYYY-MM-DDTHH:mm:SS.sss`, UTC unless a zone follows); the connector's section says how far back its topics reach.",
      [required('REPLAY_FROM', 'set REPLAY_FROM, e.g. 2025-01-31T08:00:00.000Z')],
      ['--to-datetime', '"$REPLAY_FROM"'],
    ),
    ...dryRun(
      'Back by a number of messages',
      'the last `$MESSAGES` records of every partition again.',
      [required('MESSAGES', 'set MESSAGES to how many messages per partition to re-read')],
      ['--shift-by', '"-$MESSAGES"'],
    ),
    ...dryRun('From the beginning', 'everything still retained (a compacted topic: the latest record of every key).', [], ['--to-earliest']),
    ...forVersions(
      'Connect 3.6 or later',
      'apply them through Connect (`PATCH /connectors/<name>/offsets`, KIP-875): Connect asks the connector first, so a sink that keeps its own offsets in the external system follows the reset.',
      sh([needConnector, needGroup, [OFFSETS_HELPER, PLANNED, '|', CONNECT_HELPER, 'PATCH', PATH('/offsets'), '--data', '@-']]),
    ),
    ...forVersions(
      'Connect 3.6 or later, every topic from the beginning',
      "instead of the above, `DELETE /connectors/<name>/offsets` resets all of the connector's offsets; its consumer then starts where `auto.offset.reset` says (Connect's default for sink connectors: `earliest`, unless the connector overrides `consumer.override.auto.offset.reset`).",
      sh([needConnector, [CONNECT_HELPER, 'DELETE', PATH('/offsets')]]),
    ),
    ...forVersions(
      'Connect before 3.6',
      'apply them to the group directly (the connector is stopped or deleted, so the group has no members):',
      sh([needGroup, [HELPER, '--reset-offsets', '--from-file', PLANNED, '--group', '"$GROUP"', '--execute']]),
    ),
    '### 4. Resume and watch',
    '',
    ...forVersions('Connect 3.5 or later', 'resume the stopped connector.', sh([needConnector, [CONNECT_HELPER, 'PUT', PATH('/resume')]])),
    ...forVersions(
      'Connect before 3.5',
      're-create the connector from the configuration saved in step 1; it starts from the offsets set in step 3.',
      sh([needConnector, [CONNECT_HELPER, 'PUT', PATH('/config'), '--data', `@${CONFIG}`]]),
    ),
    'Then watch its tasks come up and its LAG fall:',
    '',
    ...sh([needConnector, needGroup, [CONNECT_HELPER, 'GET', PATH('/status')], [HELPER, '--describe', '--group', '"$GROUP"']]),
    '',
    '### Roll back',
    '',
    'Stop the connector again (step 1), then put back the offsets saved in step 2:',
    '',
    ...forVersions(
      'Connect 3.6 or later',
      'through Connect.',
      sh([needConnector, needGroup, [OFFSETS_HELPER, BEFORE, '|', CONNECT_HELPER, 'PATCH', PATH('/offsets'), '--data', '@-']]),
    ),
    ...forVersions(
      'Connect before 3.6',
      'to the group directly.',
      sh([needGroup, [HELPER, '--reset-offsets', '--from-file', BEFORE, '--group', '"$GROUP"', '--execute']]),
    ),
    'Then resume it (step 4).',
    '',
    ...(anyDlq ? deadLetters() : []),
    '## Sink connectors',
    '',
  ];
  for (const k of sinks) lines.push(...sinkSection(topology, k));
  return lines;
}

/** One way to compute new offsets: a dry run exported to the file the apply blocks read, and printed. */
function dryRun(title: string, what: string, setup: ReadonlyArray<readonly string[]>, how: readonly string[]): string[] {
  return [
    `**${title}**: ${what} Dry run:`,
    '',
    ...sh([
      needGroup,
      needTopic,
      ...setup,
      [HELPER, '--reset-offsets', ...how, '--group', '"$GROUP"', '--topic', '"$TOPIC"', '--export', '--dry-run', '>', PLANNED],
      ['cat', PLANNED],
    ]),
    '',
  ];
}

function deadLetters(): string[] {
  return [
    '### Dead letters',
    '',
    "Connect writes the records a sink could not convert, transform or write to its dead-letter topic (`errors.tolerance=all`, with the error in the record's `__connect.errors.*` headers), and never reads them back. Paste the connector's `DLQ` block, then see how many there are and look at them, with an operator's credentials:",
    '',
    ...inspectDeadLetters(needDlq, ''),
    '',
    "Fix the cause and deploy the fix (a connector config change goes through `PUT /connectors/<name>/config`), then re-drive by replaying the connector's topic from the timestamp of the first dead letter (step 3, from a point in time): an idempotent sink writes the records it already wrote again with the same result, and the failed ones now succeed.",
    '',
  ];
}

/** What differs per sink connector: who it is, its preconditions, and its names as the variables the steps read. */
function sinkSection(topology: Topology, k: ResolvedConnector): string[] {
  const index = lookup(topology);
  const topics = k.topics.flatMap((t) => {
    const topic = index.eventTopic(t.topicName);
    return topic === undefined ? [] : [topic];
  });
  const group = k.groupId ?? `connect-${k.name}`;
  const lines = [
    runbookSinkHeading(k.name, k.cluster.groupId),
    '',
    `Connect cluster ${code(k.cluster.name)} (workers' ${code('group.id')} ${code(k.cluster.groupId)}: set ${code('CONNECT_URL')} to its REST URL), connector class ${code(k.connectorClass)}, ` +
      `service ${code(k.service)}, principal ${code(k.principal)}${k.tasksMax === null ? '' : `, ${code('tasks.max')} ${k.tasksMax}`}; ` +
      `reads ${topics.map((t) => code(t.name)).join(', ')} as consumer group ${code(group)}.`,
    '',
    ...checklist(k, topics),
    '',
    ...sh([assign('CONNECTOR', k.name)]),
    '',
    ...sh([assign('GROUP', group)]),
    '',
  ];
  for (const topic of topics) {
    lines.push(`Topic ${code(topic.name)}: ${replayFacts(topic, code)}.`, '', ...sh([assign('TOPIC', topic.name)]), '');
  }
  if (k.deadLetter === null) {
    lines.push(
      "This connector declares no dead-letter topic: with Connect's default `errors.tolerance=none` a record it cannot handle fails its task until the record is skipped or the code is fixed.",
      '',
    );
  } else {
    const kept = k.deadLetter.retentionMs === null ? '' : ` Kept ${formatMs(k.deadLetter.retentionMs.value)}.`;
    lines.push(
      `Dead-letter topic ${code(k.deadLetter.name)} (${code('errors.deadletterqueue.topic.name')}): the records of ${topics.map((t) => code(t.name)).join(', ')} the connector could not handle.${kept}`,
      '',
      ...sh([assign('DLQ', k.deadLetter.name)]),
      '',
    );
  }
  return lines;
}

function checklist(k: ResolvedConnector, topics: readonly ResolvedEventTopic[]): string[] {
  const box = (ok: boolean, text: string): string => checkBox({ ok, text });
  return [
    box(k.idempotency !== null, k.idempotency === null ? '**Idempotence**: not declared.' : `**Idempotence**: ${cell(k.idempotency)}`),
    ...retentionChecks(topics, code).map(checkBox),
    ...replaySafetyChecks(k.replaySafety, k.service, { cell, code }).map(checkBox),
    box(true, '**Offsets**: committed by Connect after the flush.'),
  ];
}
