import type { Construct } from './cdktf';
import { DeclarationConstruct } from './declaration';
import { Domain } from './domain';
import type { AclOperation, AclPatternType, AclPermission, AclResourceType } from '../model/vocabulary';

export interface LegacyAclProps {
  /** The principal, e.g. `User:legacy-app` (a wildcard `User:*` is possible only here). */
  readonly principal: string;
  /** @default '*' */
  readonly host?: string;
  readonly operation: AclOperation;
  readonly permission: AclPermission;
  readonly resourceType: AclResourceType;
  readonly resourceName: string;
  /** @default 'Literal' */
  readonly patternType?: AclPatternType;
  /** Why the ACL is kept although no declaration derives it (at least 10 characters). */
  readonly reason: string;
}

/**
 * An ACL that exists on the cluster and that the declarations would not derive — a wildcard, an extra operation, a
 * DENY — kept on purpose. It is the only way such an ACL can be expressed; lint lists every one (TF-ACL-002) so it
 * stays a visible decision. `topicform import` writes these for ACLs it cannot map to producers and consumer groups.
 */
export class LegacyAcl extends DeclarationConstruct {
  readonly declarationKind = 'legacyAcl' as const;

  constructor(
    scope: Construct,
    id: string,
    readonly props: LegacyAclProps,
  ) {
    super(scope, id);
  }

  toDeclaration(): Record<string, unknown> {
    // Outside a Domain the empty name is reported by the model, located, like any other bad declaration.
    return { domain: Domain.tryOf(this)?.domainName ?? '', ...this.props, source: this.source };
  }
}
