/**
 * Acknowledgements: a BLOCK finding is accepted only when a reviewed file in the repository names it and gives a
 * reason. The file is `review-acknowledgements.yaml` at the repository root (YAML 1.2):
 *
 * ```yaml
 * acknowledgements:
 *   - finding: dev/orders.order-created/partitions-decreased
 *     reason: dev data is disposable; the topic is recreated with fewer partitions
 *     by: "@alice"
 * ```
 *
 * Validated with zod: the finding must look like a finding id and end with a known rule, the reason needs at least
 * MIN_REASON_LENGTH characters, and a finding may be acknowledged once. An acknowledgement that matches no finding of
 * the review is reported (stale or misspelt), never silently ignored.
 */
import { parse as parseYaml, YAMLError } from 'yaml';
import { z } from 'zod';
import { CONTRACT_RULES } from '../contracts/review';
import { RULE_DOCS } from '../contracts/rules';
import { didYouMean } from '../model/did-you-mean';
import { formatPath } from '../model/issues';
import { MIN_REASON_LENGTH } from '../model/limits';
import { ReviewInputError } from './errors';
import type { SourceFile } from './parse';
import { REVIEW_RULES } from './rules';
import type { Acknowledgement, Finding } from './types';

/** The default file name, at the repository root. */
export const ACKNOWLEDGEMENTS_FILE = 'review-acknowledgements.yaml';

/** Review's rules, and the contract rules (schema changes and the contract's own) of the "Contract changes" section. */
const RULE_IDS = [...Object.keys(REVIEW_RULES), ...Object.keys(RULE_DOCS), ...CONTRACT_RULES];

/**
 * `<stack>/<subject>/<rule>`; the rule of a suppression finding ends with the suppressed rule id. A contract change's
 * subject is `<topic>/<schema>/<path>`.
 */
const FINDING_ID = /^([^/\s]+)\/(\S.*)\/([a-z][a-z-]*?)(-TF-[A-Z]+-\d{3})?$/;

const acknowledgementSchema = z.strictObject({
  finding: z
    .string()
    .trim()
    .superRefine((id, ctx) => {
      const match = FINDING_ID.exec(id);
      if (match === null) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a finding id "<stack>/<subject>/<rule>" such as "prod/orders.order-created/partitions-decreased", got "${id}"`,
        });
        return;
      }
      const rule = match[3] ?? '';
      if (!RULE_IDS.includes(rule)) {
        const suggestion = didYouMean(rule, RULE_IDS);
        ctx.addIssue({ code: 'custom', message: `unknown rule "${rule}" in "${id}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}` });
      }
    }),
  reason: z
    .string()
    .trim()
    .min(MIN_REASON_LENGTH, { message: `must be a written reason of at least ${MIN_REASON_LENGTH} characters` }),
  by: z.string().trim().min(1).optional(),
});

const fileSchema = z.strictObject({ acknowledgements: z.array(acknowledgementSchema).default([]) });

/** Parses and validates an acknowledgement file; every problem is reported at once, each with its path. */
export function parseAcknowledgements(source: SourceFile): Acknowledgement[] {
  let data: unknown;
  try {
    // YAML 1.2 core schema: `on`, `yes`, `no` stay strings.
    data = parseYaml(source.text, { version: '1.2', schema: 'core', uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLError) throw new ReviewInputError(source.file, `not valid YAML: ${error.message.split('\n')[0] ?? ''}`);
    throw error;
  }
  if (data === null || data === undefined) return [];
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length > 0 ? `${formatPath(i.path)}: ` : ''}${i.message}`);
    throw new ReviewInputError(source.file, problems.join('; '));
  }
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  parsed.data.acknowledgements.forEach((a, i) => {
    const first = seen.get(a.finding);
    if (first !== undefined) duplicates.push(`acknowledgements[${i}].finding: "${a.finding}" is already acknowledged at acknowledgements[${first}]`);
    else seen.set(a.finding, i);
  });
  if (duplicates.length > 0) throw new ReviewInputError(source.file, duplicates.join('; '));
  return parsed.data.acknowledgements.map((a) =>
    a.by === undefined ? { finding: a.finding, reason: a.reason } : { finding: a.finding, reason: a.reason, by: a.by },
  );
}

/** Anything review reports under an id an acknowledgement can name: a finding or a contract change. */
interface Acknowledgeable {
  readonly id: string;
  readonly acknowledgement?: Acknowledgement;
}

export interface Acknowledged<C extends Acknowledgeable> {
  readonly findings: Finding[];
  readonly contracts: C[];
  /** Acknowledgements naming no finding and no contract change of this review. */
  readonly unmatched: Acknowledgement[];
}

/**
 * Marks every finding and contract change an acknowledgement names; the rest of the acknowledgements are returned as
 * unmatched.
 */
export function applyAcknowledgements<C extends Acknowledgeable = never>(
  findings: readonly Finding[],
  acknowledgements: readonly Acknowledgement[],
  contracts: readonly C[] = [],
): Acknowledged<C> {
  const byId = new Map(acknowledgements.map((a) => [a.finding, a]));
  const used = new Set<string>();
  const mark = <T extends Acknowledgeable>(item: T): T => {
    const ack = byId.get(item.id);
    if (ack === undefined) return item;
    used.add(item.id);
    return { ...item, acknowledgement: ack };
  };
  return { findings: findings.map(mark), contracts: contracts.map(mark), unmatched: acknowledgements.filter((a) => !used.has(a.finding)) };
}
