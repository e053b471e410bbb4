/**
 * Kafka Streams applications, Connect clusters and sink connectors in a generated domain file, written the way
 * topics/orders.ts and topics/search.ts declare them: `domain.addStreamsApplication(…)`,
 * `domain.addConnectCluster(…)` and `cluster.addSinkConnector(…)`, referring to topics by their variables.
 */
import { durationCode } from '../duration';
import { camelIdentifier } from '../naming';
import { IMPORTED_CONNECTOR_CLASS } from '../plan/declarations';
import type { PlannedClientTopic, PlannedConnectCluster, PlannedDomain, PlannedSinkConnector, PlannedStreamsApplication } from '../plan/types';
import { numberLiteral, principalCode, quote, recordCode, suppressionsBlock, type Used, type Writer } from './typescript';

/** The topics the domain's clients name: they get variables like the topics its groups read. */
export function clientTopicNames(d: PlannedDomain): string[] {
  return [
    ...(d.streamsApplications ?? []).flatMap((a) => [...a.inputs, ...a.outputs].map((t) => t.topicName)),
    ...(d.connectClusters ?? []).flatMap((c) => c.sinks.flatMap((k) => k.topics.map((t) => t.topicName))),
  ];
}

function topicEntry(t: PlannedClientTopic, variables: ReadonlyMap<string, string>, bare: boolean): string {
  const variable = variables.get(t.topicName);
  const ref = variable ?? `{ domain: ${quote(t.topic.domain)}, event: ${quote(t.topic.event)} }`;
  if (t.reason === undefined && bare && variable !== undefined) return variable;
  return `{ topic: ${ref}${t.reason === undefined ? '' : `, reason: ${quote(t.reason)}`} }`;
}

function topicList(
  w: Writer,
  indent: number,
  field: string,
  topics: readonly PlannedClientTopic[],
  variables: ReadonlyMap<string, string>,
  bare: boolean,
): void {
  const entries = topics.map((t) => topicEntry(t, variables, bare));
  const inline = `${field}: [${entries.join(', ')}],`;
  if (inline.length + indent * 2 <= 118) {
    w.line(indent, inline);
    return;
  }
  w.line(indent, `${field}: [`);
  for (const e of entries) w.line(indent + 1, `${e},`);
  w.line(indent, '],');
}

function streamsBlock(w: Writer, a: PlannedStreamsApplication, variables: ReadonlyMap<string, string>, used: Used): void {
  used.KafkaPrincipal = true;
  for (const note of a.notes) w.comment(1, note);
  w.line(1, `domain.addStreamsApplication(${quote(a.name)}, {`);
  if (a.applicationId !== undefined) w.line(2, `applicationId: ${quote(a.applicationId)},`);
  w.line(2, `service: ${quote(a.service)},`);
  w.line(2, `principal: ${principalCode(a.principal)},`);
  topicList(w, 2, 'inputs', a.inputs, variables, false);
  if (a.outputs.length > 0) topicList(w, 2, 'outputs', a.outputs, variables, false);
  if (a.processingGuarantee !== 'at_least_once') w.line(2, `processingGuarantee: ${quote(a.processingGuarantee)}, // it holds TransactionalID ACLs`);
  if (a.stateStores.length > 0) {
    w.line(2, `stateStores: [${a.stateStores.map((n) => `{ name: ${quote(n)} }`).join(', ')}], // from its changelog topics on the cluster`);
  }
  if (a.repartitions) w.line(2, 'repartitions: true, // it has repartition topics on the cluster');
  suppressionsBlock(w, 2, a.suppressions);
  w.line(1, '});');
}

function sinkBlock(w: Writer, variable: string, k: PlannedSinkConnector, variables: ReadonlyMap<string, string>, used: Used): void {
  for (const note of k.notes) w.comment(1, note);
  w.line(1, `${variable}.addSinkConnector(${quote(k.name)}, {`);
  w.line(2, `connectorClass: ${quote(IMPORTED_CONNECTOR_CLASS)}, // imported: replace with the connector's class`);
  if (k.service !== undefined) w.line(2, `service: ${quote(k.service)},`);
  if (k.principal !== undefined) w.line(2, `principal: ${principalCode(k.principal)},`);
  topicList(w, 2, 'topics', k.topics, variables, true);
  if (k.groupId !== undefined) w.line(2, `groupId: ${quote(k.groupId)},`);
  if (k.deadLetter === false) w.line(2, 'deadLetter: false,');
  if (typeof k.deadLetter === 'object') {
    const shape = k.deadLetter;
    if (shape.retention !== undefined) used.Duration = true;
    const fields = [
      ...(shape.partitions === undefined ? [] : [`partitions: ${numberLiteral(shape.partitions)}`]),
      ...(shape.retention === undefined ? [] : [`retention: ${durationCode(shape.retention)}`]),
      ...(shape.config === undefined ? [] : [`config: ${recordCode(shape.config)}`]),
    ];
    w.line(2, `deadLetter: { ${fields.join(', ')} }, // the shape of its dead-letter topic on the cluster`);
  }
  suppressionsBlock(w, 2, k.suppressions);
  w.line(1, '});');
}

function connectBlock(w: Writer, c: PlannedConnectCluster, variables: ReadonlyMap<string, string>, taken: Set<string>, used: Used): void {
  used.KafkaPrincipal = true;
  for (const note of c.notes) w.comment(1, note);
  let variable: string | undefined;
  if (c.sinks.length > 0) {
    const base = camelIdentifier(c.name, 'Connect');
    variable = base;
    for (let i = 2; taken.has(variable); i++) variable = `${base}${i}`;
    taken.add(variable);
  }
  w.line(1, `${variable === undefined ? '' : `const ${variable} = `}domain.addConnectCluster(${quote(c.name)}, {`);
  w.line(2, `service: ${quote(c.service)},`);
  w.line(2, `principal: ${principalCode(c.principal)},`);
  if (c.groupId !== undefined) w.line(2, `groupId: ${quote(c.groupId)},`);
  if (c.exactlyOnceSource) w.line(2, "exactlyOnceSource: true, // its principal holds the leader's TransactionalID WRITE");
  const kinds = (['config', 'offset', 'status'] as const).filter((k) => c.storage[k] !== undefined);
  if (kinds.length > 0) {
    w.line(2, 'storage: { // the shapes its storage topics have on the cluster');
    for (const kind of kinds) {
      const shape = c.storage[kind] ?? {};
      const fields = [
        ...(shape.partitions === undefined ? [] : [`partitions: ${numberLiteral(shape.partitions)}`]),
        ...(shape.config === undefined ? [] : [`config: ${recordCode(shape.config)}`]),
      ];
      w.line(3, `${kind}: { ${fields.join(', ')} },`);
    }
    w.line(2, '},');
  }
  suppressionsBlock(w, 2, c.suppressions);
  w.line(1, '});');
  for (const k of c.sinks) if (variable !== undefined) sinkBlock(w, variable, k, variables, used);
}

/** The domain's Streams applications and Connect clusters, each after a blank line. */
export function clientBlocks(w: Writer, d: PlannedDomain, variables: ReadonlyMap<string, string>, taken: Set<string>, used: Used): void {
  for (const a of d.streamsApplications ?? []) {
    w.line(0);
    streamsBlock(w, a, variables, used);
  }
  for (const c of d.connectClusters ?? []) {
    w.line(0);
    connectBlock(w, c, variables, taken, used);
  }
}
