/**
 * Step 4, references: domains and event topics named by other declarations must be declared (with a did-you-mean when
 * not), unless the named declaration failed its schema (reported already, so not again); consumer groups' ids are
 * unique in the cluster and their subscriptions name each topic once, giving a reason to read another domain's.
 */
import { didYouMean } from '../did-you-mean';
import { appendTo } from '../group-by';
import { defaultGroupId } from '../naming';
import { topicRefKey, type ConsumerGroupDeclaration, type DomainDeclaration, type EventTopicDeclaration, type SourceLocation } from '../schema';
import { where, type Collector } from './collect';
import * as m from './messages';

export interface References {
  /** Whether domain `name` is declared; reports it when not (and it is not a declaration that failed its schema). */
  readonly requireDomain: (name: string, source: SourceLocation, path: string) => boolean;
  /** The event topic `ref` names; reports it when not declared (and it is not a declaration that failed its schema). */
  readonly lookupTopic: (ref: { domain: string; event: string }, source: SourceLocation, path: string) => EventTopicDeclaration | undefined;
}

export function references(
  domainByName: ReadonlyMap<string, DomainDeclaration>,
  topicByRef: ReadonlyMap<string, EventTopicDeclaration>,
  invalidDomains: ReadonlySet<string>,
  invalidTopics: ReadonlySet<string>,
  out: Collector,
): References {
  const domainNames = [...domainByName.keys()].sort();
  const requireDomain = (name: string, source: SourceLocation, path: string): boolean => {
    if (domainByName.has(name)) return true;
    if (invalidDomains.has(name)) return false;
    out.add(source, m.unknownDomain(path, name, didYouMean(name, domainNames)));
    return false;
  };
  const topicKeys = [...topicByRef.keys()].sort();
  const lookupTopic = (ref: { domain: string; event: string }, source: SourceLocation, path: string): EventTopicDeclaration | undefined => {
    const found = topicByRef.get(topicRefKey(ref));
    if (found === undefined && !invalidTopics.has(topicRefKey(ref))) {
      out.add(source, m.unknownTopic(path, topicRefKey(ref), didYouMean(topicRefKey(ref), topicKeys)));
    }
    return found;
  };
  return { requireDomain, lookupTopic };
}

/**
 * Checks every group's id and subscriptions and returns, per topic (its `topicRefKey`), the groups that read it:
 * their processing time and tolerated lag size the topic, so groups are read before topics are resolved.
 */
export function readersByTopic(groups: readonly ConsumerGroupDeclaration[], refs: References, out: Collector): Map<string, ConsumerGroupDeclaration[]> {
  const readersOf = new Map<string, ConsumerGroupDeclaration[]>();
  const groupIds = new Map<string, ConsumerGroupDeclaration>();
  for (const g of groups) {
    const groupId = g.groupId ?? defaultGroupId(g.domain, g.name);
    const clash = groupIds.get(groupId);
    if (clash !== undefined) out.add(g.source, m.duplicateGroupId(groupId, where(clash.source)));
    groupIds.set(groupId, g);
    const subscribed = new Set<string>();
    g.subscriptions.forEach((s, i) => {
      if (subscribed.has(topicRefKey(s.topic))) {
        out.add(g.source, m.duplicateSubscription(`subscriptions[${i}].topic`, `${g.domain}.${g.name}`, topicRefKey(s.topic)));
        return;
      }
      subscribed.add(topicRefKey(s.topic));
      const topic = refs.lookupTopic(s.topic, g.source, `subscriptions[${i}].topic`);
      if (topic === undefined) return;
      if (topic.domain !== g.domain && s.reason === undefined) {
        out.add(g.source, m.crossDomainReadWithoutReason(`subscriptions[${i}].reason`, `${g.domain}.${g.name}`, topicRefKey(s.topic), topic.domain));
      }
      const key = topicRefKey(s.topic);
      appendTo(readersOf, key, g);
    });
  }
  return readersOf;
}
