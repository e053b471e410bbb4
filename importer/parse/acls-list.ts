/**
 * `kafka-acls.sh --list` text (and the listings `--add` / `--remove` print), in the forms real tools print:
 *
 * - Kafka 2.0+: ``Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=x, patternType=LITERAL)`:``
 *   followed by `\t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)` lines;
 * - Kafka 2.0 before the ResourcePattern wording: ``Current ACLs for resource `Topic:LITERAL:x`:``;
 * - Kafka ≤ 1.1: ``Current ACLs for resource `Topic:x`:`` with `\tUser:alice has Allow permission for operations:
 *   Read from hosts: *` lines.
 *
 * `Adding ACLs for resource …` blocks list ACLs that exist once the command has run, so they count (duplicates are
 * merged later). `Are you sure you want to remove ACLs:` prompts list ACLs being removed: they are skipped with a
 * reason, as are the `(y/n)` answers. Anything else is an unknown line.
 *
 * Values keep Kafka's enum spelling (`TOPIC`, `READ`, `LITERAL`, `ALLOW`); the snapshot converts them to the
 * provider's (`Topic`, `Read`, `Literal`, `Allow`).
 *
 * Source of the format: apache/kafka core/src/main/scala/kafka/admin/AclCommand.scala.
 */
import { numberedLines } from './lines';
import type { SkippedLine, UnknownLine } from '../types';

export interface ListedAcl {
  readonly principal: string;
  readonly host: string;
  /** Kafka's spelling, upper snake case: `READ`, `IDEMPOTENT_WRITE`, `ALL`. */
  readonly operation: string;
  /** `ALLOW` or `DENY`. */
  readonly permissionType: string;
  /** `TOPIC`, `GROUP`, `CLUSTER`, `TRANSACTIONAL_ID`, `DELEGATION_TOKEN`, `USER`. */
  readonly resourceType: string;
  readonly resourceName: string;
  /** `LITERAL` or `PREFIXED`. */
  readonly patternType: string;
  readonly line: number;
}

export interface AclsListResult {
  readonly acls: readonly ListedAcl[];
  readonly skippedLines: readonly SkippedLine[];
  readonly unknownLines: readonly UnknownLine[];
}

interface Resource {
  readonly resourceType: string;
  readonly resourceName: string;
  readonly patternType: string;
}

const HEADER = /^(Current|Adding) ACLs for resource `(.*)`:\s*$/;
const REMOVE_PROMPT = /^Are you sure you want to remove ACLs:\s*$/;
const REMOVE_FILTER = /^\s*from resource filter `.*`\?\s*\(y\/n\)\s*$/;
const ENTRY = /^\s*\(principal=(.+), host=(\S+), operation=([A-Z_]+), permissionType=([A-Z]+)\)\s*$/;
const OLD_ENTRY = /^\s*(.+) has (Allow|Deny) permission for operations: ([A-Za-z]+) from hosts: (\S+)\s*$/;

/** `Topic`, `TransactionalId`, `DelegationToken` → `TOPIC`, `TRANSACTIONAL_ID`, `DELEGATION_TOKEN`. */
export function toKafkaEnum(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

function parseResource(text: string): Resource | undefined {
  const pattern = /^ResourcePattern\(resourceType=([A-Z_]+), name=(.*), patternType=([A-Z]+)\)$/.exec(text);
  if (pattern !== null) return { resourceType: pattern[1] ?? '', resourceName: pattern[2] ?? '', patternType: pattern[3] ?? '' };
  const withPattern = /^([A-Za-z]+):(LITERAL|PREFIXED):(.+)$/.exec(text);
  if (withPattern !== null) return { resourceType: toKafkaEnum(withPattern[1] ?? ''), resourceName: withPattern[3] ?? '', patternType: withPattern[2] ?? '' };
  const old = /^([A-Za-z]+):(.+)$/.exec(text);
  if (old !== null) return { resourceType: toKafkaEnum(old[1] ?? ''), resourceName: old[2] ?? '', patternType: 'LITERAL' };
  return undefined;
}

export function parseAclsList(text: string): AclsListResult {
  const acls: ListedAcl[] = [];
  const skippedLines: SkippedLine[] = [];
  const unknownLines: UnknownLine[] = [];
  /** The resource the following entry lines belong to; `remove` while inside a removal prompt. */
  let current: Resource | 'remove' | undefined;

  for (const { line, text: raw } of numberedLines(text)) {
    if (raw.trim() === '') continue;
    const header = HEADER.exec(raw);
    if (header !== null) {
      const resource = parseResource(header[2] ?? '');
      if (resource === undefined) unknownLines.push({ line, text: raw });
      current = resource;
      continue;
    }
    if (REMOVE_PROMPT.test(raw)) {
      current = 'remove';
      skippedLines.push({ line, text: raw, reason: 'a removal prompt: the ACLs it lists are being removed' });
      continue;
    }
    if (REMOVE_FILTER.test(raw) || /^\s*[yYnN]\s*$/.test(raw)) {
      skippedLines.push({ line, text: raw, reason: 'part of a removal prompt' });
      current = undefined;
      continue;
    }
    const entry = ENTRY.exec(raw);
    const old = entry === null ? OLD_ENTRY.exec(raw) : null;
    if ((entry !== null || old !== null) && current === 'remove') {
      skippedLines.push({ line, text: raw, reason: 'an ACL listed for removal' });
      continue;
    }
    if (entry !== null && current !== undefined && current !== 'remove') {
      acls.push({ ...current, principal: entry[1] ?? '', host: entry[2] ?? '', operation: entry[3] ?? '', permissionType: entry[4] ?? '', line });
      continue;
    }
    if (old !== null && current !== undefined && current !== 'remove') {
      acls.push({
        ...current,
        principal: old[1] ?? '',
        host: old[4] ?? '',
        operation: toKafkaEnum(old[3] ?? ''),
        permissionType: (old[2] ?? '').toUpperCase(),
        line,
      });
      continue;
    }
    unknownLines.push({ line, text: raw });
  }
  return { acls, skippedLines, unknownLines };
}
