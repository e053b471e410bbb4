/**
 * Names and references shared by the AsyncAPI documents and the Backstage catalog, so that the catalog points at the
 * document it describes and both name a topic, a domain and an owner the same way.
 */
import { createHash } from 'node:crypto';
import type { Topology } from '../../model/topology';

/**
 * Backstage accepts entity names of at most 63 characters, `[A-Za-z0-9]` at both ends and `[-A-Za-z0-9_.]` between
 * (@backstage/catalog-model, KubernetesValidatorFunctions.isValidObjectName).
 */
export const BACKSTAGE_NAME_MAX_LENGTH = 63;
const BACKSTAGE_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Hex digits of SHA-256 kept when a name has to be shortened: 32 bits, so two topics sharing a 54-character start stay apart. */
const NAME_HASH_LENGTH = 8;

/**
 * A valid Backstage entity name for `text`: itself when it already is one, else its legal characters cut to fit, with
 * a hash of the whole text appended so that two long names never meet.
 */
export function entityName(text: string): string {
  if (text.length <= BACKSTAGE_NAME_MAX_LENGTH && BACKSTAGE_NAME.test(text)) return text;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, NAME_HASH_LENGTH);
  const room = BACKSTAGE_NAME_MAX_LENGTH - NAME_HASH_LENGTH - 1;
  const legal = text
    .replace(/[^-A-Za-z0-9_.]+/g, '-')
    .slice(0, room)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return legal === '' ? hash : `${legal}-${hash}`;
}

/**
 * The Backstage owner of a CODEOWNERS-style handle: `@acme/orders-team` is the group `orders-team` (Backstage's GitHub
 * org provider names a team's Group by its slug), `@alice` the user `alice`.
 */
export function ownerRef(handle: string): string {
  const bare = handle.replace(/^@/, '');
  const slash = bare.indexOf('/');
  return slash < 0 ? `user:${entityName(bare)}` : `group:${entityName(bare.slice(slash + 1))}`;
}

/** The Backstage System of a domain. */
export const systemName = (domain: string): string => entityName(domain);

/** The Backstage API of a domain: its topics, described by its AsyncAPI document. */
export const apiName = (domain: string): string => entityName(`${domain}-events`);

/** A topic's name without its environment's prefix: the same topic in every environment. */
export function logicalTopicName(topology: Topology, topicName: string): string {
  const prefix = topology.environment.topicPrefix;
  return prefix !== '' && topicName.startsWith(prefix) ? topicName.slice(prefix.length) : topicName;
}

/** The Backstage Resource of a topic (one for every environment it exists in). */
export const resourceName = (logicalTopic: string): string => entityName(logicalTopic);

/** AsyncAPI component and channel keys must match `^[\w\d.\-_]+$`: topic names, environment names and ids already do. */
export function asyncApiKey(...parts: readonly string[]): string {
  return parts.join('.').replace(/[^\w.-]/g, '_');
}
