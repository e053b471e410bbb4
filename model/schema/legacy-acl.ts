import { z } from 'zod';
import { ACL_OPERATIONS, ACL_PATTERN_TYPES, ACL_PERMISSIONS, ACL_RESOURCE_TYPES } from '../vocabulary';
import { ACL_TEXT_PATTERN, nameSchema, reasonSchema, sourceSchema } from './common';

/**
 * An ACL the declarations would not derive (a wildcard, an extra operation, a DENY), kept because it exists on the
 * cluster and someone acknowledged why. It is the only way such an ACL can exist; lint lists every one.
 */
export const legacyAclSchema = z.strictObject({
  domain: nameSchema,
  /** A principal such as `User:legacy-app`, `User:CN=Ops Team,O=Acme` or `User:*`. */
  principal: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]*:[^|\p{Cc}]+$/u, { message: 'must be "<Type>:<name>" such as "User:legacy-app", without "|" or line breaks' }),
  /** @default '*' */
  host: z.string().min(1).regex(ACL_TEXT_PATTERN, { message: 'must not contain "|" or line breaks' }).default('*'),
  operation: z.enum(ACL_OPERATIONS),
  permission: z.enum(ACL_PERMISSIONS),
  resourceType: z.enum(ACL_RESOURCE_TYPES),
  resourceName: z.string().min(1).regex(ACL_TEXT_PATTERN, { message: 'must not contain "|" or line breaks' }),
  /** @default 'Literal' */
  patternType: z.enum(ACL_PATTERN_TYPES).default('Literal'),
  /** Why it is kept. */
  reason: reasonSchema,
  source: sourceSchema,
});
export type LegacyAclInput = z.input<typeof legacyAclSchema>;
export type LegacyAclDeclaration = z.infer<typeof legacyAclSchema>;
