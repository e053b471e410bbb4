/**
 * classify(changes) → findings: each change gets a verdict (BLOCK, WARN, MOVE, SAFE), a rule, a stable id
 * `<stack>/<subject>/<rule>`, a reason, and its `Key | Current | New` rows. Pure: it reads the two snapshots for
 * context (declared replay windows, who still needs an ACL, which groups still consume) and nothing else.
 */
import { credentialAdded, credentialChanged, credentialRemoved } from './credentials';
import {
  connectDlqRemoved,
  connectNeeds,
  connectStorageRemoved,
  connectTopicRole,
  findConnector,
  readersIn,
  sinkConnectorRemoved,
  sourceConnectorRemoved,
} from './connect';
import { parseAclId } from '../model/acl';
import { streamsNeeds } from '../model/acl-streams';
import { toMs } from '../model/duration';
import { innerMap } from '../model/group-by';
import type { AclResourceType } from '../model/vocabulary';
import type { AclBinding, ResolvedConnector, ResolvedConsumerGroup, ResolvedProducer, ResolvedStreamsApplication, ResolvedTopic } from '../model/topology';
import { humanize } from './humanize';
import { KAFKA_DEFAULT_OFFSETS_RETENTION_MS, KAFKA_TOPIC_DEFAULTS, kafkaTopicDefault } from '../model/kafka-defaults';
import { partitionsCause, retentionCause } from './derived-cause';
import * as m from './messages';
import type { Text } from './messages';
import type { ReviewRuleId } from './rules';
import { originOf } from './origin';
import { replacementOf } from './acl-patterns';
import { aclLabel, subjectKey, subjectLabel } from './subject';
import { iamGrantAdded, iamGrantRemoved, type GrantJudge } from './iam-classify';
import type { AclResource, AttributeChange, Change, Finding, Row, Snapshot, StackSnapshot, Subject, TopicResource, Verdict } from './types';

export interface ClassifyContext {
  readonly base: Snapshot;
  readonly head: Snapshot;
}

export function classify(changes: readonly Change[], context: ClassifyContext): Finding[] {
  const c = new Classifier(context);
  for (const change of changes) c.add(change);
  return c.findings;
}

export interface Draft {
  readonly rule: ReviewRuleId;
  readonly verdict: Verdict;
  readonly stack: string;
  readonly subject: Subject;
  readonly text: Text;
  readonly before: string;
  readonly after: string;
  readonly rows: readonly Row[];
  /** Appended to the rule in the id (suppressions: the suppressed rule id). */
  readonly idSuffix?: string;
  /** Why a derived value changed (derived-cause.ts). */
  readonly cause?: string;
}

class Classifier implements GrantJudge {
  readonly findings: Finding[] = [];
  private readonly ids = new Set<string>();
  private readonly needsByPrincipal = new Map<string, Map<string, string[]>>();
  private readonly principalIndex = new Map<string, Map<string, { groups: ResolvedConsumerGroup[]; producers: ResolvedProducer[] }>>();
  private readonly stacksByEnvironment = new Map<string, StackSnapshot[]>();
  private readonly groupsByEnvironment = new Map<string, Map<string, ResolvedConsumerGroup>>();
  private readonly transactionalByEnvironment = new Map<string, Set<string>>();
  private readonly readersByEnvironment = new Map<string, Map<string, Map<string, ResolvedConsumerGroup>>>();

  constructor(readonly context: ClassifyContext) {}

  add(change: Change): void {
    switch (change.kind) {
      case 'topic-added':
        return this.topicAdded(change.stack, change.topic, change.imported);
      case 'topic-removed':
        return this.topicRemoved(change.stack, change.topic, change.removedBlock?.destroy === false);
      case 'topic-renamed': {
        const text = m.topicRenamed(change.before.name, change.after.name);
        return this.push({
          rule: 'topic-renamed',
          verdict: 'BLOCK',
          stack: change.stack,
          subject: topic(change.before.name),
          text,
          before: change.before.name,
          after: change.after.name,
          rows: [{ key: 'name', current: change.before.name, new: change.after.name }],
        });
      }
      case 'topic-changed':
        return this.topicChanged(change.stack, change.after, change.attributes);
      case 'address-changed': {
        const what = subjectLabel(change.subject);
        const rows = [{ key: 'address', current: change.from, new: change.to }];
        if (change.moved) {
          return this.push({
            rule: 'address-moved',
            verdict: 'SAFE',
            stack: change.stack,
            subject: change.subject,
            text: m.addressMoved(what, change.from, change.to),
            before: change.from,
            after: change.to,
            rows,
          });
        }
        return this.push({
          rule: 'address-changed',
          verdict: 'BLOCK',
          stack: change.stack,
          subject: change.subject,
          text: m.addressChanged(what, change.from, change.to),
          before: change.from,
          after: change.to,
          rows,
        });
      }
      case 'acl-added':
        return this.aclAdded(change.stack, change.acl, change.imported);
      case 'acl-removed':
        return this.aclRemoved(change.stack, change.acl, change.removedBlock?.destroy === false);
      case 'stack-moved': {
        const what = subjectLabel(change.subject);
        const rows = [
          { key: 'stack', current: change.from.stack, new: change.to.stack },
          { key: 'address', current: change.from.address, new: change.to.address },
        ];
        const base = { subject: change.subject, before: change.from.stack, after: change.to.stack, rows };
        if (change.removedBlock === null || change.removedBlock.destroy) {
          return this.push({
            ...base,
            rule: 'moved-without-removed',
            verdict: 'BLOCK',
            stack: change.from.stack,
            text: m.movedWithoutRemoved(what, change.from.stack, change.to.stack),
          });
        }
        if (!change.imported) {
          return this.push({
            ...base,
            rule: 'move-without-import',
            verdict: 'WARN',
            stack: change.to.stack,
            text: m.moveWithoutImport(what, change.from.stack, change.to.stack),
          });
        }
        return this.push({
          ...base,
          rule: 'stack-moved',
          verdict: 'MOVE',
          stack: change.to.stack,
          text: m.stackMoved(what, change.from.stack, change.to.stack),
        });
      }
      case 'group-added':
        return this.push({
          rule: 'group-added',
          verdict: 'SAFE',
          stack: change.stack,
          subject: { kind: 'group', groupId: change.group.groupId },
          text: m.groupAdded(change.group.groupId),
          before: '—',
          after: change.group.groupId,
          rows: [
            { key: 'principal', current: '—', new: change.group.principal },
            { key: 'subscriptions', current: '—', new: change.group.subscriptions.map((s) => s.topicName).join(', ') },
          ],
        });
      case 'group-removed':
        return this.groupRemoved(change.stack, change.group);
      case 'connector-removed':
        return this.connectorRemoved(change.stack, change.connector);
      case 'declaration-changed': {
        const fields = change.fields.map((f) => f.field);
        const rows = change.fields.map((f) => ({ key: f.field, current: f.before, new: f.after }));
        const [only] = change.fields;
        const [before, after] =
          change.fields.length === 1 && only !== undefined
            ? [`${only.field}: ${short(only.before)}`, short(only.after)]
            : ['—', `${fields.join(', ')} changed`];
        return this.push({
          rule: 'declaration-changed',
          verdict: 'SAFE',
          stack: change.stack,
          subject: change.subject,
          text: m.declarationChanged(subjectLabel(change.subject), fields),
          before,
          after,
          rows,
        });
      }
      case 'settings-changed': {
        const rows = change.changes.map((c) => ({ key: c.key, current: c.before ?? '—', new: c.after ?? '—' }));
        const [only] = change.changes;
        const [before, after] =
          change.changes.length === 1 && only !== undefined
            ? [`${only.key}: ${short(only.before ?? '—')}`, short(only.after ?? '—')]
            : ['—', `${change.changes.length} settings changed`];
        const text = m.settingsChanged(
          change.part,
          change.stack,
          change.changes.map((c) => c.key),
          change.comparedWith,
        );
        return this.push({ rule: `${change.part}-changed`, verdict: 'BLOCK', stack: change.stack, subject: { kind: 'stack' }, text, before, after, rows });
      }
      case 'environment-added': {
        const rows = change.settings.map((c) => ({ key: `${c.part}: ${c.key}`, current: '—', new: c.after ?? '—' }));
        return this.push({
          rule: 'environment-added',
          verdict: 'WARN',
          stack: change.stack,
          subject: { kind: 'stack' },
          text: m.environmentAdded(change.stack, change.environment),
          before: '—',
          after: change.environment,
          rows,
        });
      }
      case 'owner-changed': {
        const rows = [{ key: 'owner', current: change.before, new: change.after }];
        return this.push({
          rule: 'owner-changed',
          verdict: 'WARN',
          stack: change.stack,
          subject: { kind: 'domain', name: change.domain },
          text: m.ownerChanged(change.domain, change.before, change.after),
          before: change.before,
          after: change.after,
          rows,
        });
      }
      case 'credential-added':
        return this.push({
          ...credentialAdded(change.credential),
          stack: change.stack,
          subject: { kind: 'credential', principal: change.credential.principal },
        });
      case 'credential-removed':
        return this.push({
          ...credentialRemoved(change.credential, change.clients),
          stack: change.stack,
          subject: { kind: 'credential', principal: change.credential.principal },
        });
      case 'credential-changed':
        for (const d of credentialChanged(change.before, change.after)) {
          this.push({ ...d, stack: change.stack, subject: { kind: 'credential', principal: change.after.principal } });
        }
        return;
      case 'iam-grant-added':
        return iamGrantAdded(this, change.stack, change.grant);
      case 'iam-grant-removed':
        return iamGrantRemoved(this, change.stack, change.grant);
      case 'suppression-added':
        return this.push({
          rule: 'suppression-added',
          idSuffix: `-${change.ruleId}`,
          verdict: 'WARN',
          stack: change.stack,
          subject: change.subject,
          text: m.suppressionAdded(subjectLabel(change.subject), change.ruleId, change.reason),
          before: '—',
          after: `${change.ruleId}: ${change.reason}`,
          rows: [{ key: 'suppression', current: '—', new: `${change.ruleId}: ${change.reason}` }],
        });
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Consumer groups

  /** BLOCK in production when the group had a DLQ (deleted with its dead letters), WARN otherwise. */
  private groupRemoved(stack: string, g: ResolvedConsumerGroup): void {
    const { name: environment, production } = this.stackOf(stack).environment;
    // Declared by another stack of the environment now: a move, reported by its resources.
    if (this.headGroups(environment).has(g.groupId)) return;
    const dlqs = g.subscriptions.flatMap((s) => (s.deadLetterTopic === null ? [] : [s.deadLetterTopic]));
    const companions = g.subscriptions.flatMap((s) => [...s.retryTopics, ...(s.deadLetterTopic === null ? [] : [s.deadLetterTopic])]);
    const dlq = dlqs.length === 0 ? null : dlqs.join(', ');
    const verdict: Verdict = production && dlq !== null ? 'BLOCK' : 'WARN';
    const rows = [
      { key: 'principal', current: g.principal, new: '(removed)' },
      { key: 'subscriptions', current: g.subscriptions.map((s) => s.topicName).join(', '), new: '(removed)' },
      {
        key: 'offsets',
        current: 'committed',
        new: `kept until offsets.retention.minutes expires them (default ${humanize('retention.ms', KAFKA_DEFAULT_OFFSETS_RETENTION_MS)})`,
      },
      ...(dlq === null ? [] : [{ key: 'DLQ', current: dlq, new: '(deleted with its records)' }]),
    ];
    const text = m.groupRemoved(g.groupId, g.service, companions, dlq, KAFKA_DEFAULT_OFFSETS_RETENTION_MS, production);
    this.push({ rule: 'group-removed', verdict, stack, subject: { kind: 'group', groupId: g.groupId }, text, before: g.groupId, after: '(removed)', rows });
  }

  /**
   * A removed connector. A sink: BLOCK in production when it had a DLQ (deleted with its dead letters, which review
   * cannot see), WARN otherwise; either way its group's offsets are orphaned. A source: BLOCK in production when the
   * head still declares readers of its topics (they stop receiving events, silently), WARN otherwise.
   */
  private connectorRemoved(stack: string, k: ResolvedConnector): void {
    const { name: environment, production } = this.stackOf(stack).environment;
    const head = this.headStacks(environment).map((s) => s.topology);
    // Declared by another stack of the environment now: a move, reported by its resources.
    if (findConnector(head, k.cluster.groupId, k.name) !== undefined) return;
    const subject: Subject = { kind: 'connector', clusterGroupId: k.cluster.groupId, name: k.name };
    const topics = k.topics.map((t) => t.topicName);
    const rows = [
      { key: 'principal', current: k.principal, new: '(removed)' },
      { key: k.type === 'sink' ? 'reads' : 'writes', current: topics.join(', '), new: '(removed)' },
    ];
    if (k.type === 'sink') {
      const dlq = k.deadLetter?.name ?? null;
      rows.push(
        {
          key: 'offsets',
          current: `committed by ${k.groupId ?? ''}`,
          new: `kept until offsets.retention.minutes expires them (default ${humanize('retention.ms', KAFKA_DEFAULT_OFFSETS_RETENTION_MS)})`,
        },
        ...(dlq === null ? [] : [{ key: 'DLQ', current: dlq, new: '(deleted with its records)' }]),
      );
      const text = sinkConnectorRemoved(k.name, k.cluster.groupId, k.groupId ?? '', dlq, KAFKA_DEFAULT_OFFSETS_RETENTION_MS, production);
      const verdict: Verdict = production && dlq !== null ? 'BLOCK' : 'WARN';
      this.push({ rule: 'connector-removed', verdict, stack, subject, text, before: `${k.cluster.groupId}/${k.name}`, after: '(removed)', rows });
      return;
    }
    const readers = readersIn(head, topics);
    rows.push({ key: 'readers', current: readers.length === 0 ? '—' : readers.join(', '), new: readers.length === 0 ? '—' : '(no more events)' });
    const text = sourceConnectorRemoved(k.name, k.cluster.groupId, topics, readers, production);
    const verdict: Verdict = production && readers.length > 0 ? 'BLOCK' : 'WARN';
    this.push({ rule: 'connector-removed', verdict, stack, subject, text, before: `${k.cluster.groupId}/${k.name}`, after: '(removed)', rows });
  }

  /**
   * The groups of an environment that read `topic`, on one side: by group id, in the order the stacks first declare
   * each, the last declaration winning. Looked up in an index built once per side and environment, because an
   * environment-wide change asks this for every topic and a scan of every group per topic grew with topics × groups.
   */
  private readers(side: 'base' | 'head', environment: string, topic: string): ResolvedConsumerGroup[] {
    const readers = this.readersIndex(side, environment).get(topic);
    return readers === undefined ? [] : [...readers.values()];
  }

  /** Topic name → group id → group, for every consumer group of an environment on one side (one pass, on first need). */
  private readersIndex(side: 'base' | 'head', environment: string): Map<string, Map<string, ResolvedConsumerGroup>> {
    const key = `${side}\u0000${environment}`;
    let index = this.readersByEnvironment.get(key);
    if (index === undefined) {
      index = new Map();
      for (const s of this.context[side].stacks.values()) {
        if (s.environment.name !== environment) continue;
        for (const g of s.declared.groups.values()) {
          // Map.set keeps a group id's first position and takes the later declaration: as the scan it replaces did.
          for (const x of g.subscriptions) innerMap(index, x.topicName).set(g.groupId, g);
        }
      }
      this.readersByEnvironment.set(key, index);
    }
    return index;
  }

  /** Why a derived attribute of a topic changed, when it is one (partitions, retention.ms). */
  private derivedCause(stack: string, name: string, key: string): string | undefined {
    const before = this.declaredTopic('base', stack, name);
    const after = this.declaredTopic('head', stack, name);
    const environment = this.stackOf(stack).environment;
    if (key === 'partitions') return partitionsCause(before, after, environment.scaling.throughput);
    if (key === 'config.retention.ms') {
      return retentionCause(before, after, this.readers('base', environment.name, name), this.readers('head', environment.name, name));
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Topics

  private topicAdded(stack: string, t: TopicResource, imported: boolean): void {
    const rows = topicRows(t, 'new');
    const after = `${t.partitions} partitions, replication ${t.replicationFactor}`;
    if (imported) {
      return this.push({ rule: 'imported', verdict: 'SAFE', stack, subject: topic(t.name), text: m.imported(`topic ${t.name}`), before: '—', after, rows });
    }
    this.push({ rule: 'topic-added', verdict: 'SAFE', stack, subject: topic(t.name), text: m.topicAdded(t.name), before: '—', after, rows });
  }

  private topicRemoved(stack: string, t: TopicResource, forgotten: boolean): void {
    const rows = topicRows(t, 'current');
    const before = `${t.partitions} partitions, replication ${t.replicationFactor}`;
    const subject = topic(t.name);
    if (forgotten) {
      return this.push({ rule: 'left-unmanaged', verdict: 'WARN', stack, subject, text: m.leftUnmanaged(`topic ${t.name}`), before, after: 'unmanaged', rows });
    }
    const declared = this.declaredTopic('base', stack, t.name);
    if (declared !== undefined && declared.kind === 'dead-letter') {
      const environment = this.stackOf(stack).environment.name;
      const group = this.headGroups(environment).get(declared.groupId);
      const subscription = group?.subscriptions.find((s) => s.topic.domain === declared.parent.domain && s.topic.event === declared.parent.event);
      if (group !== undefined && subscription !== undefined) {
        return this.push({
          rule: 'dlq-removed',
          verdict: 'BLOCK',
          stack,
          subject,
          text: m.dlqRemoved(t.name, group.groupId, subscription.topicName),
          before,
          after: '(deleted)',
          rows,
        });
      }
    }
    const connect = connectTopicRole(this.context.base.stacks.get(stack)?.topology, t.name);
    if (connect?.kind === 'storage') {
      const text = connectStorageRemoved(t.name, connect.storage, connect.clusterGroupId);
      return this.push({ rule: 'connect-storage-removed', verdict: 'BLOCK', stack, subject, text, before, after: '(deleted)', rows });
    }
    if (connect?.kind === 'dead-letter') {
      const environment = this.stackOf(stack).environment.name;
      const head = this.headStacks(environment).map((s) => s.topology);
      if (findConnector(head, connect.clusterGroupId, connect.connector) !== undefined) {
        const text = connectDlqRemoved(t.name, connect.connector, connect.clusterGroupId);
        return this.push({ rule: 'connect-dlq-removed', verdict: 'BLOCK', stack, subject, text, before, after: '(deleted)', rows });
      }
    }
    this.push({ rule: 'topic-deleted', verdict: 'BLOCK', stack, subject, text: m.topicDeleted(t.name, t.preventDestroy), before, after: '(deleted)', rows });
  }

  private topicChanged(stack: string, after: TopicResource, attributes: readonly AttributeChange[]): void {
    const name = after.name;
    const subject = topic(name);
    const { production } = this.stackOf(stack).environment;
    const declared = this.declaredTopic('head', stack, name);
    const headPolicy = policySet(after.config['cleanup.policy'] ?? KAFKA_TOPIC_DEFAULTS['cleanup.policy']);
    const others: AttributeChange[] = [];
    const push = (rule: ReviewRuleId, verdict: Verdict, text: Text, a: AttributeChange): void => {
      const cause = this.derivedCause(stack, name, a.key);
      this.push({
        rule,
        verdict,
        stack,
        subject,
        text,
        before: humanize(a.key, a.before),
        after: humanize(a.key, a.after),
        rows: [row(a)],
        ...(cause === undefined ? {} : { cause }),
      });
    };

    for (const a of attributes) {
      const b = configNumber(a.key, a.before);
      const n = configNumber(a.key, a.after);
      // A key made explicit with the broker's default value (or dropped back to it) changes nothing on the broker.
      if (a.key.startsWith('config.') && configText(a.key, a.before) === configText(a.key, a.after)) {
        others.push(a);
        continue;
      }
      // A value that is not a number (a typo the broker would reject) cannot be compared: list it as a config change.
      if (NUMERIC_CONFIG.has(a.key) && (Number.isNaN(b) || Number.isNaN(n))) {
        others.push(a);
        continue;
      }
      switch (a.key) {
        case 'partitions':
          if (n < b) push('partitions-decreased', 'BLOCK', m.partitionsDecreased(name, b, n), a);
          else push('partitions-increased', 'WARN', m.partitionsIncreased(name, b, n, declared?.kind !== 'event' || declared.ordering !== 'none'), a);
          break;
        case 'replication_factor':
          if (n < b) push('replication-decreased', production ? 'BLOCK' : 'WARN', m.replicationDecreased(name, b, n, production), a);
          else push('replication-increased', 'WARN', m.replicationIncreased(name, b, n), a);
          break;
        case 'prevent_destroy':
          if (a.after === true) push('protection-added', 'SAFE', m.protectionAdded(name), a);
          else push('protection-removed', 'WARN', m.protectionRemoved(name), a);
          break;
        case 'config.cleanup.policy': {
          const from = configText(a.key, a.before);
          const to = configText(a.key, a.after);
          const fromSet = policySet(from);
          const toSet = policySet(to);
          if (fromSet.has('compact') && !fromSet.has('delete') && toSet.has('delete')) {
            push('cleanup-compact-to-delete', 'BLOCK', m.compactToDelete(name, from, to), a);
          } else push('cleanup-policy-changed', 'WARN', m.cleanupPolicyChanged(name, from, to), a);
          break;
        }
        case 'config.retention.ms': {
          // Retention deletes nothing on a compact-only topic.
          if (!headPolicy.has('delete')) {
            others.push(a);
            break;
          }
          const window = replayWindowMs(declared);
          if (forever(n) < forever(b)) {
            if (window !== null && forever(n) < window) push('retention-below-replay-window', 'BLOCK', m.retentionBelowWindow(name, n, window), a);
            else push('retention-decreased', 'WARN', m.retentionDecreased(name, window), a);
          } else {
            push('retention-increased', 'SAFE', m.retentionIncreased(name), a);
          }
          break;
        }
        case 'config.min.insync.replicas':
          if (n > b) push('min-insync-raised', 'WARN', m.minInsyncRaised(name, String(b), String(n), after.replicationFactor), a);
          else push('min-insync-lowered', production ? 'WARN' : 'SAFE', m.minInsyncLowered(name, String(b), String(n)), a);
          break;
        case 'config.retention.bytes':
          if (forever(n) < forever(b)) push('retention-bytes-decreased', 'WARN', m.retentionBytesDecreased(name), a);
          else others.push(a);
          break;
        case 'config.delete.retention.ms':
          if (n < b && headPolicy.has('compact')) push('delete-retention-decreased', 'WARN', m.deleteRetentionDecreased(name), a);
          else others.push(a);
          break;
        case 'config.max.message.bytes':
          if (n < b) push('max-message-bytes-decreased', 'WARN', m.maxMessageBytesDecreased(name), a);
          else others.push(a);
          break;
        default:
          others.push(a);
      }
    }
    if (others.length > 0) {
      const keys = others.map((a) => a.key.replace(/^config\./, ''));
      this.push({
        rule: 'config-changed',
        verdict: 'SAFE',
        stack,
        subject,
        text: m.configChanged(name, keys),
        before: keys.join(', '),
        after: 'changed',
        rows: others.map(row),
      });
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ACLs

  private aclAdded(stack: string, acl: AclResource, imported: boolean): void {
    const label = aclLabel(acl.id);
    const subject: Subject = { kind: 'acl', id: acl.id };
    const base = { stack, subject, before: '—', after: 'granted', rows: aclRows(acl.binding, 'new') };
    if (imported) return this.push({ ...base, rule: 'imported', verdict: 'SAFE', text: m.imported(label) });
    const b = acl.binding;
    if (b.principal.endsWith(':*') || b.resourceName === '*') {
      return this.push({ ...base, rule: 'wildcard-acl-added', verdict: 'WARN', text: m.wildcardAclAdded(label) });
    }
    if (b.permission === 'Deny') return this.push({ ...base, rule: 'deny-acl-added', verdict: 'WARN', text: m.denyAclAdded(label) });
    if (b.patternType !== 'Literal') {
      const head = this.context.head.stacks.get(stack);
      // An ACL pattern mode's domain prefix: the first half of a switch, shown as a move (review/acl-patterns.ts).
      if (head?.environment.aclPatterns !== undefined && b.resourceType !== 'TransactionalID' && head.declared.acl(acl.id) !== undefined) {
        return this.push({ ...base, rule: 'acl-pattern-added', verdict: 'MOVE', text: m.aclPatternAdded(label, head.environment.aclPatterns) });
      }
      const environment = this.stackOf(stack).environment.name;
      if (!this.prefixExplained(environment, b.principal, b.resourceType, b.resourceName)) {
        return this.push({ ...base, rule: 'prefixed-acl-added', verdict: 'WARN', text: m.prefixedAclAdded(label) });
      }
    }
    this.push({ ...base, rule: 'acl-added', verdict: 'SAFE', text: m.aclAdded(label) });
  }

  /**
   * Whether a declaration of the head explains a prefix grant to `principal`: a transactional producer's declared
   * transactional-id prefix, or a Streams application's internal topics and transactional ids (its application.id).
   */
  prefixExplained(environment: string, principal: string, resourceType: AclResourceType, prefix: string): boolean {
    return (
      (resourceType === 'TransactionalID' && this.transactionalPrefixes(environment).has(`${principal}|${prefix}`)) ||
      ((resourceType === 'Topic' || resourceType === 'TransactionalID') &&
        this.streamsOf(environment).some((a) => a.principal === principal && a.internalPrefix === prefix))
    );
  }

  private aclRemoved(stack: string, acl: AclResource, forgotten: boolean): void {
    const label = aclLabel(acl.id);
    const subject: Subject = { kind: 'acl', id: acl.id };
    const base = { stack, subject, before: 'granted', rows: aclRows(acl.binding, 'current') };
    if (forgotten) return this.push({ ...base, rule: 'left-unmanaged', verdict: 'WARN', after: 'unmanaged', text: m.leftUnmanaged(label) });
    const replacement = replacementOf(acl, this.context.head.stacks.get(stack), this.context.base.stacks.get(stack));
    if (replacement !== undefined) {
      const by = replacement.by.map((a) => aclLabel(a.id));
      return replacement.existedBefore
        ? this.push({ ...base, rule: 'acl-pattern-replaced', verdict: 'MOVE', after: '(replaced)', text: m.aclPatternReplaced(label, by) })
        : this.push({ ...base, rule: 'acl-pattern-switch-one-apply', verdict: 'BLOCK', after: '(replaced)', text: m.aclPatternSwitchOneApply(label, by) });
    }
    const environment = this.stackOf(stack).environment.name;
    const neededBy = this.neededBy(environment, acl.id, acl.binding.principal);
    const wasNeededBy = (): readonly string[] => this.context.base.stacks.get(stack)?.declared.acl(acl.id)?.neededBy ?? [];
    this.grantRemoved(base, neededBy, {
      stillNeeded: ['acl-removed-still-needed', m.aclRemovedStillNeeded(label, neededBy)],
      unused: ['access-removed', () => m.accessRemoved(label, wasNeededBy())],
    });
  }

  /**
   * The verdict of any removed grant, an ACL or an MSK IAM action alike: BLOCK while a head declaration still needs
   * it (the client is denied as soon as terraform applies), WARN when it leaves with the declarations that needed it.
   */
  grantRemoved(
    base: Pick<Draft, 'stack' | 'subject' | 'before' | 'rows'>,
    neededBy: readonly string[],
    rules: { readonly stillNeeded: readonly [ReviewRuleId, Text]; readonly unused: readonly [ReviewRuleId, () => Text] },
  ): void {
    if (neededBy.length > 0) return this.push({ ...base, rule: rules.stillNeeded[0], verdict: 'BLOCK', after: '(removed)', text: rules.stillNeeded[1] });
    this.push({ ...base, rule: rules.unused[0], verdict: 'WARN', after: '(removed)', text: rules.unused[1]() });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Context, built lazily per environment from the head output

  stackOf(stack: string): StackSnapshot {
    const s = this.context.head.stacks.get(stack) ?? this.context.base.stacks.get(stack);
    if (s === undefined) throw new Error(`stack ${stack} is in neither output`);
    return s;
  }

  private declaredTopic(side: 'base' | 'head', stack: string, name: string): ResolvedTopic | undefined {
    return this.context[side].stacks.get(stack)?.declared.topics.get(name);
  }

  headStacks(environment: string): StackSnapshot[] {
    let stacks = this.stacksByEnvironment.get(environment);
    if (stacks === undefined) {
      stacks = [...this.context.head.stacks.values()].filter((s) => s.environment.name === environment);
      this.stacksByEnvironment.set(environment, stacks);
    }
    return stacks;
  }

  /**
   * Who in the head declarations of an environment needs the ACL `id`: the Topology's own list when it has the ACL,
   * otherwise a derivation from the declared consumer groups and producers (so an ACL that a change to the derivation
   * itself drops is still caught). Empty when nobody needs it.
   */
  private neededBy(environment: string, id: string, principal: string): readonly string[] {
    for (const s of this.headStacks(environment)) {
      const declared = s.declared.acl(id);
      if (declared !== undefined) return declared.neededBy;
    }
    return this.derivedNeeds(environment, principal).get(id) ?? [];
  }

  /** ACL ids the declarations of one principal need, with why; built only for principals that lost an ACL. */
  derivedNeeds(environment: string, principal: string): Map<string, string[]> {
    const key = `${environment}\u0000${principal}`;
    const cached = this.needsByPrincipal.get(key);
    if (cached !== undefined) return cached;
    const found = new Map<string, string[]>();
    const need = (operation: string, resourceType: string, resourceName: string, why: string, patternType = 'Literal'): void => {
      const id = `${principal}|*|${operation}|Allow|${resourceType}|${resourceName}|${patternType}`;
      const list = found.get(id);
      if (list === undefined) found.set(id, [why]);
      else if (!list.includes(why)) list.push(why);
    };
    const declarations = this.declarationsByPrincipal(environment).get(principal);
    for (const g of declarations?.groups ?? []) {
      const who = `consumer group ${g.groupId}`;
      need('Read', 'Group', g.groupId, `${who} joins its group`);
      for (const sub of g.subscriptions) {
        need('Read', 'Topic', sub.topicName, `${who} reads ${sub.topicName}`);
        for (const t of [...sub.retryTopics, ...(sub.deadLetterTopic === null ? [] : [sub.deadLetterTopic])]) {
          need('Read', 'Topic', t, `${who} reads ${t}`);
          need('Write', 'Topic', t, `${who} writes ${t}`);
        }
      }
    }
    // A Streams application needs what the model derives for it (model/acl-streams.ts); the Cluster grant only with
    // the legacy option, which a removed Cluster ACL is judged by elsewhere.
    for (const app of this.streamsOf(environment).filter((a) => a.principal === principal)) {
      for (const n of streamsNeeds(app, { explicitDescribe: false, legacyIdempotentWrite: false })) {
        need(n.binding.operation, n.binding.resourceType, n.binding.resourceName, n.why, n.binding.patternType);
      }
    }
    for (const p of declarations?.producers ?? []) {
      need('Write', 'Topic', p.topicName, `producer ${p.service} writes ${p.topicName}`);
      if (p.transactionalIdPrefix !== null) {
        need('Write', 'TransactionalID', p.transactionalIdPrefix, `producer ${p.service} uses transactional ids ${p.transactionalIdPrefix}*`, 'Prefixed');
      }
    }
    connectNeeds(
      this.headStacks(environment).map((s) => s.topology),
      principal,
      need,
    );
    this.needsByPrincipal.set(key, found);
    return found;
  }

  /** The head's Kafka Streams applications of an environment (each in its own domain's stack). */
  streamsOf(environment: string): readonly ResolvedStreamsApplication[] {
    return this.headStacks(environment).flatMap((s) => s.topology.streamsApplications ?? []);
  }

  /** The head's consumer groups and producers of an environment, by principal (one pass, on first need). */
  declarationsByPrincipal(environment: string): Map<string, { groups: ResolvedConsumerGroup[]; producers: ResolvedProducer[] }> {
    const cached = this.principalIndex.get(environment);
    if (cached !== undefined) return cached;
    const index = new Map<string, { groups: ResolvedConsumerGroup[]; producers: ResolvedProducer[] }>();
    const entry = (principal: string): { groups: ResolvedConsumerGroup[]; producers: ResolvedProducer[] } => {
      let e = index.get(principal);
      if (e === undefined) {
        e = { groups: [], producers: [] };
        index.set(principal, e);
      }
      return e;
    };
    for (const s of this.headStacks(environment)) {
      for (const g of s.declared.groups.values()) entry(g.principal).groups.push(g);
      for (const p of s.declared.producers.values()) entry(p.principal).producers.push(p);
    }
    this.principalIndex.set(environment, index);
    return index;
  }

  private headGroups(environment: string): Map<string, ResolvedConsumerGroup> {
    let groups = this.groupsByEnvironment.get(environment);
    if (groups === undefined) {
      groups = new Map(this.headStacks(environment).flatMap((s) => [...s.declared.groups]));
      this.groupsByEnvironment.set(environment, groups);
    }
    return groups;
  }

  /** `<principal>|<prefix>` of every declared transactional producer. */
  private transactionalPrefixes(environment: string): Set<string> {
    let set = this.transactionalByEnvironment.get(environment);
    if (set === undefined) {
      set = new Set<string>();
      for (const s of this.headStacks(environment)) {
        for (const p of s.declared.producers.values()) if (p.transactionalIdPrefix !== null) set.add(`${p.principal}|${p.transactionalIdPrefix}`);
      }
      this.transactionalByEnvironment.set(environment, set);
    }
    return set;
  }

  // ---------------------------------------------------------------------------------------------------------------

  push(d: Draft): void {
    const stack = this.stackOf(d.stack);
    const id = `${d.stack}/${subjectKey(d.subject)}/${d.rule}${d.idSuffix ?? ''}`;
    const origin = originOf(d.subject, d.rule, d.stack, this.context.head.stacks.get(d.stack), this.context.base.stacks.get(d.stack));
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.findings.push({
      id,
      verdict: d.verdict,
      rule: d.rule,
      subject: d.subject,
      environment: stack.environment.name,
      production: stack.environment.production,
      stack: d.stack,
      title: d.text.title,
      reason: d.text.reason,
      before: d.before,
      after: d.after,
      rows: d.rows,
      plan: [],
      origin,
      ...(d.text.fix === undefined ? {} : { fix: d.text.fix }),
      ...(d.cause === undefined ? {} : { cause: d.cause }),
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const topic = (name: string): Subject => ({ kind: 'topic', name });

const NUMERIC_CONFIG = new Set([
  'config.retention.ms',
  'config.min.insync.replicas',
  'config.retention.bytes',
  'config.delete.retention.ms',
  'config.max.message.bytes',
]);

/** Long declared texts, cut for the one-line before → after. */
const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

function row(a: AttributeChange): Row {
  const key = a.key.replace(/^config\./, '');
  return { key, current: humanize(a.key, a.before), new: humanize(a.key, a.after) };
}

function topicRows(t: TopicResource, side: 'current' | 'new'): Row[] {
  const rows: [string, string | number | boolean][] = [
    ['partitions', t.partitions],
    ['replication_factor', t.replicationFactor],
    ...Object.keys(t.config)
      .sort()
      .map((k): [string, string] => [`config.${k}`, t.config[k] ?? '']),
  ];
  return rows.map(([key, value]) => {
    const text = humanize(key, value);
    const shown = key.replace(/^config\./, '');
    return side === 'new' ? { key: shown, current: '—', new: text } : { key: shown, current: text, new: '(deleted)' };
  });
}

function aclRows(b: AclBinding, side: 'current' | 'new'): Row[] {
  const fields: [string, string][] = [
    ['principal', b.principal],
    ['operation', `${b.permission} ${b.operation}`],
    ['resource', `${b.resourceType} ${b.resourceName} (${b.patternType})`],
    ['host', b.host],
  ];
  return fields.map(([key, value]) => (side === 'new' ? { key, current: '—', new: value } : { key, current: value, new: '(removed)' }));
}

/** A config value, the Kafka default standing in for a missing key. */
function configText(key: string, value: AttributeChange['before']): string {
  if (value !== null) return String(value);
  return kafkaTopicDefault(key.replace(/^config\./, '')) ?? '';
}

function configNumber(key: string, value: AttributeChange['before']): number {
  const n = Number(configText(key, value));
  return Number.isFinite(n) ? n : NaN;
}

/** -1 means unlimited for retention.ms and retention.bytes. */
function forever(n: number): number {
  return n < 0 ? Infinity : n;
}

function policySet(policy: string): Set<string> {
  return new Set(policy.split(',').map((p) => p.trim()));
}

function replayWindowMs(declared: ResolvedTopic | undefined): number | null {
  if (declared?.kind !== 'event' || declared.replay.kind !== 'window') return null;
  try {
    return toMs(declared.replay.window);
  } catch {
    return null;
  }
}

/** Exposed for the plan step: the subject of an ACL from its Terraform attributes, when they are all there. */
export function aclIdFromAttributes(attributes: Readonly<Record<string, unknown>> | null): string | null {
  if (attributes === null) return null;
  const parts = ['acl_principal', 'acl_host', 'acl_operation', 'acl_permission_type', 'resource_type', 'resource_name'].map((k) => attributes[k]);
  if (!parts.every((p): p is string => typeof p === 'string')) return null;
  const pattern = typeof attributes.resource_pattern_type_filter === 'string' ? attributes.resource_pattern_type_filter : 'Literal';
  const id = [...parts, pattern].join('|');
  return parseAclId(id) === undefined ? null : id;
}
