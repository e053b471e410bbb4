/**
 * Terraform backends per environment, as cdktf backends. Only non-secret settings can be declared: credentials come
 * from the backend's own environment variables (AWS_*, GOOGLE_*, ARM_*, TF_HTTP_PASSWORD, TF_TOKEN_*), which terraform
 * reads at init; strict objects reject any other field, so a secret cannot be typed in by mistake.
 */
import { z } from 'zod';

/** `{stack}` in a key or prefix is replaced by the stack name, so each stack keeps its own small state. */
const template = z.string().min(1);

export const backendSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('local'),
    /** Relative to the stack directory. @default '../../../terraform.{stack}.tfstate' */
    path: template.optional(),
  }),
  z.strictObject({
    type: z.literal('s3'),
    bucket: z.string().min(1),
    /** @default 'topicform/{stack}.tfstate' */
    key: template.optional(),
    region: z.string().min(1),
    /**
     * State locking with a lock file beside the state in the bucket (S3 conditional writes; experimental in Terraform
     * 1.10, generally available from 1.11, so the stack then states `required_version >= 1.11`), so two applies of one
     * stack cannot interleave. Needs s3:PutObject and s3:DeleteObject on `<key>.tflock` for whoever takes the lock
     * (apply); read-only plans run with `-lock=false`.
     *
     * @default true
     */
    useLockfile: z.boolean().default(true),
    /** DynamoDB table for state locking (deprecated by Terraform in favour of `useLockfile`; both may be set). */
    dynamodbTable: z.string().min(1).optional(),
    /** @default true */
    encrypt: z.boolean().default(true),
  }),
  z.strictObject({
    type: z.literal('gcs'),
    bucket: z.string().min(1),
    /** @default 'topicform/{stack}' */
    prefix: template.optional(),
  }),
  z.strictObject({
    type: z.literal('azurerm'),
    resourceGroupName: z.string().min(1),
    storageAccountName: z.string().min(1),
    containerName: z.string().min(1),
    /** @default 'topicform/{stack}.tfstate' */
    key: template.optional(),
  }),
  z.strictObject({
    type: z.literal('http'),
    /** State URL; `{stack}` is replaced. Basic-auth credentials come from TF_HTTP_USERNAME / TF_HTTP_PASSWORD. */
    address: template,
    lockAddress: template.optional(),
    unlockAddress: template.optional(),
  }),
  z.strictObject({
    type: z.literal('remote'),
    /** HCP Terraform / Terraform Enterprise host. @default 'app.terraform.io' */
    hostname: z.string().min(1).optional(),
    organization: z.string().min(1),
    /** Workspace name; `{stack}` is replaced. The token comes from TF_TOKEN_<host> or the CLI config. */
    workspace: template,
  }),
]);
export type BackendDeclaration = z.infer<typeof backendSchema>;
export const BACKEND_TYPES = ['local', 's3', 'gcs', 'azurerm', 'http', 'remote'] as const;

/** Replaces `{stack}` in a backend template. */
export function stackTemplate(value: string, stack: string): string {
  return value.replace(/\{stack\}/g, stack);
}
