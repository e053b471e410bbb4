/**
 * Names: which domain and event a topic name stands for (a configurable pattern), which topics are the DLQ and retry
 * companions of a consumer group (model/naming.ts's convention, read backwards), and how cluster names become the
 * kebab-case names and TypeScript identifiers a declaration needs.
 */
import { NAME_PATTERN } from '../model/schema';

/** `<domain>.<event>`, both lower-case kebab: topicform's own convention (model/naming.ts eventTopicName). */
export const DEFAULT_DOMAIN_PATTERN = '^(?<domain>[a-z][a-z0-9-]*)\\.(?<event>[a-z][a-z0-9-]*)$';

/** The domain of topics and ACLs no convention assigns to a domain (lint TF-DOMAIN-003 warns about it). */
import { UNASSIGNED_DOMAIN } from '../model/naming';

export { UNASSIGNED_DOMAIN };

/** Compiles a domain pattern; it must have a named group `domain` (and may have `event`). */
export function compileDomainPattern(source: string): RegExp | string {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source);
  } catch (error) {
    return `invalid regular expression ${JSON.stringify(source)}: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!source.includes('(?<domain>')) return `the domain pattern ${JSON.stringify(source)} has no named group (?<domain>…)`;
  return pattern;
}

export type NameClass =
  /** The name is `<prefix><domain>.<event>` with valid names: it can be declared as it is. */
  | { readonly kind: 'event'; readonly domain: string; readonly event: string }
  /** The pattern names a domain, but the topic name is not `<prefix><domain>.<event>` in kebab-case. */
  | { readonly kind: 'grouped'; readonly domain: string; readonly event: string; readonly reason: string }
  | { readonly kind: 'unassigned'; readonly reason: string }
  | { readonly kind: 'internal' }
  | { readonly kind: 'outside-prefix'; readonly prefix: string };

/** Classifies a topic name by the environment's topic prefix and the domain pattern. */
export function classifyName(name: string, prefix: string, pattern: RegExp, isInternal: (name: string) => boolean): NameClass {
  if (isInternal(name)) return { kind: 'internal' };
  if (!name.startsWith(prefix)) return { kind: 'outside-prefix', prefix };
  const local = name.slice(prefix.length);
  const match = pattern.exec(local);
  const domain = match?.groups?.domain;
  if (match === null || domain === undefined || domain === '') {
    return { kind: 'unassigned', reason: `"${local}" does not match the domain pattern` };
  }
  const event = match.groups?.event ?? (local.startsWith(`${domain}.`) ? local.slice(domain.length + 1) : local);
  if (!NAME_PATTERN.test(domain) || !NAME_PATTERN.test(event)) {
    const bad = !NAME_PATTERN.test(domain) ? `domain "${domain}"` : `event "${event}"`;
    return {
      kind: 'grouped',
      domain: kebab(domain, 'domain'),
      event: kebab(event, 'event'),
      reason: `${bad} is not lower-case kebab-case ([a-z][a-z0-9-]*), which topicform's names must be`,
    };
  }
  if (`${domain}.${event}` !== local) {
    return { kind: 'grouped', domain, event, reason: `the name is not "${prefix}${domain}.${event}", and topicform names every topic <domain>.<event>` };
  }
  return { kind: 'event', domain, event };
}

/** A DLQ or retry topic recognised by name: `<topic>.<part>.dlq` / `<topic>.<part>.retry-<n>`. */
/**
 * The domain and a unique event name for a topic declared with an explicit `topicName`: its pattern's domain (or
 * `unassigned`) and event (or the kebab-cased name), numbered `-2`, `-3`, … past the events `used` already holds in
 * that domain; the chosen event is added to `used`.
 */
export function claimEventName(
  used: Map<string, Set<string>>,
  c: NameClass,
  name: string,
  prefix: string,
): { readonly domain: string; readonly event: string } {
  const domain = c.kind === 'grouped' ? c.domain : UNASSIGNED_DOMAIN;
  const events = used.get(domain) ?? new Set<string>();
  const base = c.kind === 'grouped' ? c.event : kebab(name.slice(prefix.length), 'topic');
  let event = base;
  for (let i = 2; events.has(event); i++) event = `${base}-${i}`;
  events.add(event);
  used.set(domain, events);
  return { domain, event };
}

export interface CompanionName {
  readonly kind: 'dead-letter' | 'retry';
  readonly parent: string;
  /** The consuming group's domain: the parent's domain unless the name carries `<consumer-domain>.<group>`. */
  readonly groupDomain: string;
  readonly group: string;
  /** `<group>` or `<consumer-domain>.<group>`, as in the name. */
  readonly part: string;
  readonly tier?: number;
}

/**
 * Reads a companion name against the known event topics (name → domain). The same-domain form wins when both forms
 * fit; the cross-domain form needs a consumer domain other than the topic's own (model/naming.ts groupPart).
 */
export function parseCompanionName(name: string, eventDomains: ReadonlyMap<string, string>): CompanionName | undefined {
  const suffix = /\.(dlq|retry-([1-9]\d*))$/.exec(name);
  if (suffix === null) return undefined;
  const kind = suffix[1] === 'dlq' ? ('dead-letter' as const) : ('retry' as const);
  const tier = suffix[2] === undefined ? undefined : Number(suffix[2]);
  const head = name.slice(0, suffix.index);
  const part = (n: number): string[] | undefined => {
    const pieces = head.split('.');
    if (pieces.length <= n) return undefined;
    const tail = pieces.slice(pieces.length - n);
    return tail.every((p) => NAME_PATTERN.test(p)) ? [pieces.slice(0, pieces.length - n).join('.'), ...tail] : undefined;
  };
  const same = part(1);
  if (same !== undefined) {
    const [parent = '', group = ''] = same;
    const domain = eventDomains.get(parent);
    if (domain !== undefined) return { kind, parent, groupDomain: domain, group, part: group, ...(tier === undefined ? {} : { tier }) };
  }
  const cross = part(2);
  if (cross !== undefined) {
    const [parent = '', groupDomain = '', group = ''] = cross;
    const domain = eventDomains.get(parent);
    if (domain !== undefined && domain !== groupDomain) {
      return { kind, parent, groupDomain, group, part: `${groupDomain}.${group}`, ...(tier === undefined ? {} : { tier }) };
    }
  }
  return undefined;
}

/** Any text → a valid kebab name (`Orders_v2` → `orders-v2`); `fallback` prefixes one that would not start with a letter. */
export function kebab(text: string, fallback: string): string {
  const base = text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base === '') return fallback;
  return /^[a-z]/.test(base) ? base : `${fallback}-${base}`;
}

/** The name after the principal type: `User:order-service` → `order-service`. */
export function principalName(principal: string): string {
  const at = principal.indexOf(':');
  return at < 0 ? principal : principal.slice(at + 1);
}

/** `order-created` → `OrderCreated`: an event type name guessed from the event name (to be reviewed). */
export function pascalCase(kebabName: string): string {
  return kebabName
    .split('-')
    .filter((p) => p !== '')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await async of any boolean number string symbol unknown never ' +
    'object undefined scope domain'
  ).split(' '),
);

/** `order-created` → `orderCreated`, never a reserved word or a name the generated code uses itself. */
export function camelIdentifier(kebabName: string, suffix: string): string {
  const pascal = pascalCase(kebabName);
  const camel = pascal.charAt(0).toLowerCase() + pascal.slice(1);
  const safe = /^[A-Za-z_$][\w$]*$/.test(camel) ? camel : `_${camel.replace(/[^\w$]/g, '_')}`;
  return RESERVED.has(safe) ? `${safe}${suffix}` : safe;
}
