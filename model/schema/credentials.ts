/**
 * Service credentials an environment creates: a `kafka_user_scram_credential` per listed `User:` principal. Only the
 * mechanism, the iteration count and a password *version* are declared; the password itself never is. It reaches the
 * provider's write-only `password_wo` from an ephemeral Terraform variable at apply time (model/scram.ts), so it is in
 * no declaration, no synthesized file, no plan and no state. Rotation: supply the new password and bump the version.
 */
import { z } from 'zod';
import { MAX_SCRAM_ITERATIONS, MIN_SCRAM_ITERATIONS } from '../limits';
import { principalSchema } from './common';

/** The SCRAM mechanisms Kafka and the provider know (`scram_mechanism`). */
export const SCRAM_MECHANISMS = ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type ScramMechanism = (typeof SCRAM_MECHANISMS)[number];

const iterationsSchema = z
  .number()
  .int()
  .min(MIN_SCRAM_ITERATIONS, { message: `must be at least ${MIN_SCRAM_ITERATIONS} (Kafka's minimum for SCRAM)` })
  .max(MAX_SCRAM_ITERATIONS, { message: `must be at most ${MAX_SCRAM_ITERATIONS} (Kafka's maximum for SCRAM)` });

/**
 * A password version: what `password_wo_version` is set to. Terraform never sees a write-only value change, so the
 * version is what tells it to send the password again. Short and plain, because it is shown in plans and reviews.
 */
export const PASSWORD_VERSION_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export const scramCredentialSchema = z.strictObject({
  /**
   * Bump it (e.g. '1' → '2', or a date) in the same pull request that rotates the password in the secret store: the
   * next apply sends the new password (docs/credentials.md). @default '1'
   */
  passwordVersion: z
    .string()
    .regex(PASSWORD_VERSION_PATTERN, { message: 'must be 1 to 64 letters, digits, ".", "_" or "-", e.g. "2" or "2026-12-01"' })
    .default('1'),
  /** @default - the environment's `scramCredentials.mechanism` */
  mechanism: z.enum(SCRAM_MECHANISMS).optional(),
  /** @default - the environment's `scramCredentials.iterations` */
  iterations: iterationsSchema.optional(),
});
export type ScramCredentialDeclaration = z.infer<typeof scramCredentialSchema>;

export const scramCredentialsSchema = z.strictObject({
  /** @default 'SCRAM-SHA-512' */
  mechanism: z.enum(SCRAM_MECHANISMS).default('SCRAM-SHA-512'),
  /** Between 4096 and 16384. @default 4096 */
  iterations: iterationsSchema.default(MIN_SCRAM_ITERATIONS),
  /** Per `User:` principal the declarations use. @default {} */
  principals: z.record(principalSchema, scramCredentialSchema).default({}),
});
export type ScramCredentialsDeclaration = z.infer<typeof scramCredentialsSchema>;
