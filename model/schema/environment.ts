import { z } from 'zod';
import { durationSchema } from '../duration';
import { authSchema } from './auth';
import { confluentCloudSchema } from './confluent';
import { backendSchema } from './backend';
import { scramCredentialsSchema } from './credentials';
import { nameSchema, principalSchema } from './common';
import { ACL_PATTERN_MODES } from '../vocabulary';

/** How an environment's resources are split into Terraform stacks (and so into states). */
export const STACK_LAYOUTS = ['environment', 'domain'] as const;
export type StackLayout = (typeof STACK_LAYOUTS)[number];

/**
 * Scaling of declared values in this environment (e.g. dev keeps a tenth of the replay window and traffic), so derived
 * retention and partitions shrink and lint judges the scaled values consistently. Factors are in (0, 1].
 */
export const scalingSchema = z.strictObject({
  /** Multiplies every replay window (not full replays). @default 1 */
  replayWindow: z.number().gt(0).lte(1).default(1),
  /** Multiplies declared peak messages per second. @default 1 */
  throughput: z.number().gt(0).lte(1).default(1),
  /** The smallest replay window after scaling. @default '1h' */
  minimumWindow: durationSchema.default('1h'),
});

/**
 * Resources that lived in another stack before a layout switch or a domain move. Their new stack imports them and the
 * old stack forgets them (`removed` with `destroy = false`), so nothing is destroyed.
 */
export const stackMoveSchema = z.strictObject({
  /** The domains whose resources moved. */
  domains: z.array(nameSchema).min(1),
  /** The stack they were in, e.g. `prod` (layout `environment`) or `prod-orders`. */
  from: z.string().regex(/^[A-Za-z0-9_-]+$/),
});

export const aclOptionsSchema = z.strictObject({
  /** Emit DESCRIBE next to READ/WRITE (it is implied by them on every supported broker). @default false */
  explicitDescribe: z.boolean().default(false),
  /** Emit Cluster IdempotentWrite for producers, needed only on brokers older than 2.8 (KIP-679). @default false */
  legacyIdempotentWrite: z.boolean().default(false),
  /**
   * Literal ACLs per topic and group id, or Prefixed ACLs per domain prefix for a team that owns its prefix on a shared
   * cluster (model/acl-patterns.ts; switch through `literal-and-prefixed`, docs/acls.md "Prefixed ACL mode").
   * @default 'literal'
   */
  patterns: z.enum(ACL_PATTERN_MODES).default('literal'),
});

/** A Kafka principal type such as `User`; other types need a custom principal builder on the brokers. */
export const PRINCIPAL_TYPE_PATTERN = /^[A-Z][A-Za-z0-9]*$/;

/** Explicit client quotas for one principal, in bytes per second per broker; each replaces the derived value. */
export const quotaOverrideSchema = z.strictObject({
  /** `producer_byte_rate`. @default - derived from the declared throughput of the topics it produces */
  producerByteRate: z.number().int().positive().optional(),
  /** `consumer_byte_rate`. @default - derived from the declared throughput of the topics it reads */
  consumerByteRate: z.number().int().positive().optional(),
});
export type QuotaOverride = z.infer<typeof quotaOverrideSchema>;

/** Client quotas (`kafka_quota` per `User:` principal), derived from declared peak throughput (model/quota.ts). */
export const quotaOptionsSchema = z.strictObject({
  /** @default true */
  enabled: z.boolean().default(true),
  /** Per principal (`User:<name>`), values that replace the derived ones in this environment. @default {} */
  overrides: z.record(principalSchema, quotaOverrideSchema).default({}),
});

export const environmentSchema = z
  .strictObject({
    name: nameSchema,
    /** Where the cluster runs; selects the Terraform provider and what may be set. @default 'apache-kafka' */
    platform: z.enum(['apache-kafka', 'confluent-cloud']).default('apache-kafka'),
    /** Production environments get stricter replication rules and `prevent_destroy` on topics. */
    production: z.boolean(),
    replicationFactor: z.number().int().min(1),
    minInsyncReplicas: z.number().int().min(1),
    /** Prepended to every topic name, e.g. `"staging."`. @default '' */
    topicPrefix: z
      .string()
      .regex(/^[A-Za-z0-9._-]*$/)
      .default(''),
    acl: aclOptionsSchema.default({ explicitDescribe: false, legacyIdempotentWrite: false, patterns: 'literal' }),
    /** Vendor topic config keys (`confluent.*`, `redpanda.*`) accepted in this environment. @default [] */
    vendorConfigKeys: z.array(z.string()).default([]),
    /** The domains this environment carries. @default - all */
    domains: z.array(nameSchema).optional(),
    scaling: scalingSchema.default({ replayWindow: 1, throughput: 1, minimumWindow: '1h' }),
    /** One stack for the environment, or one per domain (small states, parallel plans). @default 'environment' */
    layout: z.enum(STACK_LAYOUTS).default('environment'),
    /** @default { type: 'local' } */
    backend: backendSchema.default({ type: 'local' }),
    /** @default { mechanism: 'scram-sha512', tls: true, secrets: 'environment' } */
    auth: authSchema.default({ mechanism: 'scram-sha512', tls: true, secrets: 'environment' }),
    /** Resources that moved here from another stack. @default [] */
    moves: z.array(stackMoveSchema).default([]),
    /**
     * Principal types declarations may use. Apache Kafka's authorizer matches only `User:` unless the brokers run a
     * custom principal builder; list other types (e.g. `'Group'`) only for such a cluster. @default ['User']
     */
    principalTypes: z
      .array(z.string().regex(PRINCIPAL_TYPE_PATTERN, { message: 'must be a principal type such as "User"' }))
      .min(1)
      .default(['User']),
    /** @default { enabled: true, overrides: {} } */
    quotas: quotaOptionsSchema.default({ enabled: true, overrides: {} }),
    /**
     * SCRAM credentials terraform creates for service principals (`kafka_user_scram_credential`), their passwords from
     * ephemeral Terraform variables through the provider's write-only `password_wo` (model/scram.ts). Terraform ≥ 1.11.
     * @default - none: credentials are managed outside topicform
     */
    scramCredentials: scramCredentialsSchema.optional(),
    /**
     * Settings of `platform: 'confluent-cloud'` (model/schema/confluent.ts, docs/confluent-cloud.md); only with it.
     * @default - Kafka ACLs, service accounts from `serviceAccounts` only, secrets from the provider's environment
     */
    confluent: confluentCloudSchema.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.layout === 'domain' && env.auth.aws?.iam !== undefined) {
      // A principal's one policy spans the domains it reads and writes; one stack per domain has no single place for it.
      ctx.addIssue({
        code: 'custom',
        path: ['auth', 'aws', 'iam'],
        message:
          "needs layout 'environment': a principal's IAM policy spans domains, so it cannot live in one domain's stack; use layout 'environment' or drop auth.aws.iam and attach the iam/ artifacts elsewhere",
      });
    }
  });
export type EnvironmentInput = z.input<typeof environmentSchema>;
export type Environment = z.infer<typeof environmentSchema>;
