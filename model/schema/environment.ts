import { z } from 'zod';
import { nameSchema } from './common';

export const aclOptionsSchema = z.strictObject({
  /** Emit DESCRIBE next to READ/WRITE (it is implied by them on every supported broker). @default false */
  explicitDescribe: z.boolean().default(false),
  /** Emit Cluster IdempotentWrite for producers, needed only on brokers older than 2.8 (KIP-679). @default false */
  legacyIdempotentWrite: z.boolean().default(false),
});

export const environmentSchema = z
  .strictObject({
    name: nameSchema,
    /** Production environments get stricter replication rules and `prevent_destroy` on topics. */
    production: z.boolean(),
    replicationFactor: z.number().int().min(1),
    minInsyncReplicas: z.number().int().min(1),
    /** Prepended to every topic name, e.g. `"staging."`. @default '' */
    topicPrefix: z.string().regex(/^[A-Za-z0-9._-]*$/).default(''),
    acl: aclOptionsSchema.default({ explicitDescribe: false, legacyIdempotentWrite: false }),
    /** Vendor topic config keys (`confluent.*`, `redpanda.*`) accepted in this environment. @default [] */
    vendorConfigKeys: z.array(z.string()).default([]),
  });
export type EnvironmentInput = z.input<typeof environmentSchema>;
export type Environment = z.infer<typeof environmentSchema>;
