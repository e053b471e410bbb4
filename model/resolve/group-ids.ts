/**
 * Step 8b, one group-id namespace: a consumer group's id, a Kafka Streams application's `application.id`, a Connect
 * cluster's worker `group.id` and a sink connector's group (`connect-<connector>` by default) are all Kafka group ids,
 * global to the cluster. Two clients sharing one would join each other's group: the coordinator rebalances partitions
 * between them and they commit over each other's offsets (or, for Connect workers, join a group whose protocol they do
 * not speak). Consumer groups among themselves are checked where their ids are first read (references.ts); this step
 * checks every pair across kinds and among the other kinds, and names both declarations' construct paths.
 */
import type { Issue } from '../issues';
import type { ResolvedConnectCluster, ResolvedConnector, ResolvedConsumerGroup, ResolvedStreamsApplication } from '../topology';
import { where, type Collector } from './collect';
import type { SourceLocation } from '../schema';

/** The kinds of client that own a Kafka group id, in the order their claims are checked. */
export const GROUP_ID_OWNER_KINDS = ['consumer group', 'streams application', 'connect cluster', 'sink connector'] as const;
type OwnerKind = (typeof GROUP_ID_OWNER_KINDS)[number];

interface Claim {
  readonly kind: OwnerKind;
  /** `<domain>.<name>`. */
  readonly label: string;
  readonly groupId: string;
  readonly source: SourceLocation;
}

/** Where a declaration is: its construct path, and its file and line when known. */
function place(source: SourceLocation): string {
  const at = where(source);
  return at === source.path ? source.path : `${source.path}, ${at}`;
}

export const groupIdSharedAcrossClients = (claim: Claim, first: Claim): Issue => ({
  path: claim.kind === 'streams application' ? 'applicationId' : 'groupId',
  code: claim.kind === 'streams application' ? 'duplicate-application-id' : 'duplicate-group-id',
  message:
    `group id "${claim.groupId}" of ${claim.kind} ${claim.label} (${place(claim.source)}) is also used by ${first.kind} ${first.label} ` +
    `(${place(first.source)}); a group id is global to the cluster, so the two would share one consumer group and its offsets`,
  hint:
    claim.kind === 'streams application'
      ? 'give the application another name or applicationId'
      : claim.kind === 'sink connector'
        ? 'give the connector another name or groupId (consumer.override.group.id)'
        : 'give one of them another name or groupId',
});

/** Reports every group id claimed twice except by two consumer groups (reported by references.ts), once, at the later claim. */
export function checkGroupIdNamespace(
  groups: readonly ResolvedConsumerGroup[],
  streams: readonly ResolvedStreamsApplication[],
  clusters: readonly ResolvedConnectCluster[],
  connectors: readonly ResolvedConnector[],
  out: Collector,
): void {
  const claims: Claim[] = [
    ...groups.map((g) => ({ kind: 'consumer group' as const, label: `${g.domain}.${g.name}`, groupId: g.groupId, source: g.source })),
    ...streams.map((a) => ({ kind: 'streams application' as const, label: `${a.domain}.${a.name}`, groupId: a.applicationId, source: a.source })),
    ...clusters.map((c) => ({ kind: 'connect cluster' as const, label: `${c.domain}.${c.name}`, groupId: c.groupId, source: c.source })),
    ...connectors.flatMap((k) =>
      k.groupId === null ? [] : [{ kind: 'sink connector' as const, label: `${k.domain}.${k.name}`, groupId: k.groupId, source: k.source }],
    ),
  ];
  const first = new Map<string, Claim>();
  for (const claim of claims) {
    const taken = first.get(claim.groupId);
    if (taken === undefined) first.set(claim.groupId, claim);
    else if (!(taken.kind === 'consumer group' && claim.kind === 'consumer group')) out.add(claim.source, groupIdSharedAcrossClients(claim, taken));
  }
}
