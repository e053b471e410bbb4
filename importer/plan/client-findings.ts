/**
 * What the import says about Kafka Streams applications, Connect clusters and sink connectors: for each one declared,
 * an info finding saying what it was declared as and from which evidence (the summary lists them); for each one
 * recognised but not declared, the recognition warning as before, ending with why it was not declared.
 */
import type { ClientTopics } from './client-kinds';
import { clientKey, type PlannedClients } from './clients';
import { IMPORTED_CONNECTOR_CLASS } from './declarations';
import type { ImportFinding } from '../types';

/** Codes of the info findings for declared clients (report.ts lists them). */
export const DECLARED_CLIENT_CODES = ['streams-application-declared', 'connect-cluster-declared', 'sink-connector-declared'] as const;

export function clientFindings(recognised: ClientTopics, declared: PlannedClients, declined: ReadonlyMap<string, string>): ImportFinding[] {
  const declaredKeys = new Set(declared.keyOf.keys());
  const out: ImportFinding[] = [];
  const seen = new Set<string>();
  for (const f of recognised.findings) {
    const key = recognised.findingKeys.get(f);
    if (key !== undefined) seen.add(key);
    if (key !== undefined && declaredKeys.has(key)) continue;
    const why = key === undefined ? undefined : (declined.get(key) ?? recognised.uncertain.get(key));
    out.push(why === undefined ? f : { ...f, message: `${f.message}. Not declared: ${why}` });
  }
  // Streams applications found from their ACLs alone (no internal topic on the cluster) and not declared.
  for (const c of recognised.streamsCandidates) {
    const key = clientKey.streams(c);
    const why = declined.get(key);
    if (seen.has(key) || why === undefined) continue;
    out.push({
      level: 'warning',
      code: 'streams-application-inferred',
      subject: c.applicationId,
      message: `Kafka Streams application "${c.applicationId}" (principal ${c.principal}): its Prefixed Topic ACLs on "${c.prefix}" and Group READ on "${c.applicationId}" are a Streams application's; its ACLs are imported as the consumer groups, producers and legacy ACLs they fit. Not declared: ${why}`,
    });
  }
  for (const a of declared.streams) {
    const id = a.applicationId ?? `${a.domain}.${a.name}`;
    out.push({
      level: 'info',
      code: 'streams-application-declared',
      subject: id,
      message: `declared as ${a.domain}'s addStreamsApplication('${a.name}') (${a.processingGuarantee}, reads ${a.inputs.map((t) => t.topicName).join(', ')}${a.outputs.length === 0 ? '' : `, writes ${a.outputs.map((t) => t.topicName).join(', ')}`}): ${a.principal} holds every ACL it derives; add its exception handlers, idempotency and replay safety`,
    });
  }
  for (const c of declared.clusters) {
    out.push({
      level: 'info',
      code: 'connect-cluster-declared',
      subject: `${c.domain}.${c.name}`,
      message: `declared as ${c.domain}'s addConnectCluster('${c.name}') (group.id ${c.groupId ?? `${c.domain}.${c.name}`}, storage ${Object.values(c.storageTopics).join(', ')}): ${c.principal} holds every ACL it derives`,
    });
    for (const k of c.sinks) {
      out.push({
        level: 'info',
        code: 'sink-connector-declared',
        subject: k.name,
        message: `declared as addSinkConnector('${k.name}') on Connect cluster ${c.domain}.${c.name} (reads ${k.topics.map((t) => t.topicName).join(', ')}${k.deadLetterTopic === undefined ? ', no dead-letter topic on the cluster' : `, dead letters to ${k.deadLetterTopic}`}): ${k.effectivePrincipal} holds every ACL it derives; replace connectorClass ${IMPORTED_CONNECTOR_CLASS} with the connector's class (a cluster does not record it)`,
      });
    }
  }
  return out;
}
