import { z } from 'zod';
import { nameSchema, reasonSchema, sourceSchema, suppressionsSchema } from './common';

/** A team handle as CODEOWNERS understands it: `@org/team` or `@user`. */
export const ownerSchema = z
  .string()
  .regex(/^@[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/, { message: 'must be a team handle such as "@acme/orders-team"' });

export const domainSchema = z.strictObject({
  /** Lower-case kebab name; the first part of its topics' names. */
  name: nameSchema,
  /** The team that owns the domain's topics and approves access to them. */
  owner: ownerSchema,
  /** What the domain is responsible for. */
  description: z.string().trim().min(1, { message: 'must describe the domain' }),
  /** Where the recovery / replay procedure for this domain is written down (a runbook path or URL). */
  recoveryProcedure: reasonSchema.optional(),
  /** Lint rules switched off here, each with a reason. @default [] */
  suppressions: suppressionsSchema,
  source: sourceSchema,
});
export type DomainDeclaration = z.infer<typeof domainSchema>;
