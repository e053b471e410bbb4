/** Building blocks shared by the declaration schemas. */
import { z } from 'zod';
import { MIN_REASON_LENGTH } from '../limits';

/** Domain, event and group names become parts of topic names and Terraform addresses: lower-case kebab only. */
export const NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
export const nameSchema = z.string().regex(NAME_PATTERN, { message: 'must be lower-case letters, digits and "-", starting with a letter' });

/** Free text that must say something: a reason, a strategy, a procedure. */
export const reasonSchema = z
  .string()
  .trim()
  .min(MIN_REASON_LENGTH, { message: `must be a written reason of at least ${MIN_REASON_LENGTH} characters` });

/**
 * Where a declaration was made: its construct path and, when known, the file and line that created it. Issues and
 * lint findings point there.
 */
export const sourceSchema = z.strictObject({
  path: z.string().min(1),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
});
export type SourceLocation = z.infer<typeof sourceSchema>;

/**
 * Characters Kafka allows in principals, hosts and ACL resource names (group ids, transactional ids) that topicform
 * refuses: `|` separates the fields of the provider's ACL import id, and control characters (line breaks) cannot survive
 * the tools' text listings an import reads. Spaces are fine: mTLS principals are distinguished names such as
 * `User:CN=orders svc,OU=payments`.
 */
export const ACL_TEXT_PATTERN = /^[^|\p{Cc}]+$/u;

/** A Kafka principal, `User:<name>` by default; never the wildcard `User:*`. */
export const PRINCIPAL_PATTERN = /^[A-Za-z][A-Za-z0-9]*:(?!\*$)[^|\p{Cc}]+$/u;
export const principalSchema = z.string().regex(PRINCIPAL_PATTERN, {
  message: 'must be "<Type>:<name>" such as "User:payment-service" or "User:CN=orders svc,OU=x", not a wildcard, without "|" or line breaks',
});

/** A reference to an event topic by its declared identity, independent of environment prefixes. */
export const topicRefSchema = z.strictObject({ domain: nameSchema, event: nameSchema });
export type TopicRef = z.infer<typeof topicRefSchema>;

export function topicRefKey(ref: TopicRef): string {
  return `${ref.domain}/${ref.event}`;
}

/**
 * A lint rule switched off for one declaration (and, on a domain, for everything in it), with a written reason that
 * stays visible in every report.
 */
export const suppressionSchema = z.strictObject({
  /** The rule id, e.g. `TF-GROUP-003`. */
  ruleId: z.string().regex(/^TF-[A-Z]+-\d{3}$/, { message: 'must be a rule id such as "TF-GROUP-003"' }),
  reason: reasonSchema,
});
export type Suppression = z.infer<typeof suppressionSchema>;
export const suppressionsSchema = z.array(suppressionSchema).default([]);
