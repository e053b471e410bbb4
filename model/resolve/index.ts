/**
 * Declarations → Topology for one environment. Pure: parses every declaration with zod, applies defaults, derives names,
 * sizes and ACLs, and reports every problem it finds (never only the first), each with the declaration's source.
 *
 * One file per step (assemble.ts runs them in order): environment.ts (parse, repair, scale), checks.ts (single
 * declarations), uniqueness.ts, references.ts, event-topic.ts, consumer-groups.ts (with their companions),
 * producers.ts, quotas.ts; ACLs come from model/acl.ts. Every message is in messages.ts.
 */
import { findInlineCredentials, redact } from '../credentials';
import type { SourceLocation } from '../schema';
import { resolveDeclarations } from './assemble';
import { sortIssues, sourceOf } from './collect';
import type { Declarations, LocatedIssue, ResolveResult } from './types';

export type { Declarations, LocatedIssue, ResolveResult } from './types';

/**
 * Resolves one environment's declarations. `environmentSource` is where the environment was declared (its construct
 * path, and its file and line in environments.ts when known): the environment's own problems point there.
 */
export function resolve(declarations: Declarations, environment: unknown, environmentSource: SourceLocation = { path: 'environment' }): ResolveResult {
  // Inline credentials are refused wherever they are, and no message may echo one (model/credentials.ts).
  const credentials: LocatedIssue[] = [];
  const secrets: string[] = [];
  const scan = (raw: unknown, source: SourceLocation): void => {
    for (const found of findInlineCredentials(raw)) {
      credentials.push({ ...found.issue, source });
      secrets.push(found.value, JSON.stringify(found.value).slice(1, -1));
    }
  };
  scan(environment, environmentSource);
  for (const raw of [
    ...declarations.domains,
    ...declarations.topics,
    ...declarations.consumerGroups,
    ...declarations.producers,
    ...(declarations.legacyAcls ?? []),
    ...(declarations.connectClusters ?? []),
    ...(declarations.connectors ?? []),
    ...(declarations.streamsApplications ?? []),
  ]) {
    scan(raw, sourceOf(raw));
  }
  const result = resolveDeclarations(declarations, environment, environmentSource);
  if (credentials.length === 0) return result;
  // One message per field: a credential is not also reported as, say, an invalid value (which would show it).
  const flagged = new Set(credentials.map((c) => `${c.source.path}\u0000${c.path}`));
  const others = result.issues
    .filter((i) => !flagged.has(`${i.source.path}\u0000${i.path}`))
    .map((i) => ({ ...i, message: redact(i.message, secrets), ...(i.hint === undefined ? {} : { hint: redact(i.hint, secrets) }) }));
  return { topology: null, issues: sortIssues([...credentials, ...others]) };
}
