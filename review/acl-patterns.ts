/**
 * A switch between Literal and Prefixed ACLs (environment `acl.patterns`, model/acl-patterns.ts) as review sees it:
 * the ACLs that stand in for a removed one in the same stack, and whether they already existed before the change.
 *
 * Terraform orders creates and deletes of independent resources in no particular way (and runs up to ten at once), so
 * an apply that deletes a Literal ACL and creates the Prefixed ACL replacing it can delete first: clients are denied
 * until the create lands, or for good if it fails. The switch is safe only in two applies — add the new ACLs, then
 * remove the old ones — which is what `literal-and-prefixed` is for.
 */
import { covers } from '../model/acl-patterns';
import type { AclBinding } from '../model/topology';
import type { AclResource, StackSnapshot } from './types';

export interface Replacement {
  /** The ACLs in the head that grant what the removed one granted. */
  readonly by: readonly AclResource[];
  /** Whether every one of them was already in the base output (applied before): the second step of a switch. */
  readonly existedBefore: boolean;
}

/** Resource types whose ACLs an ACL pattern mode switches. */
const SWITCHED = new Set<AclBinding['resourceType']>(['Topic', 'Group']);

/**
 * What stands in, in the head output of the same stack, for a removed Literal or Prefixed Topic/Group ACL: for a
 * Literal, a Prefixed ACL on a prefix of its name ending with `.` (the domain prefixes topicform writes); for a
 * Prefixed, the Literal ACLs it covered. Undefined when nothing does (an ordinary removal).
 */
export function replacementOf(removed: AclResource, head: StackSnapshot | undefined, base: StackSnapshot | undefined): Replacement | undefined {
  const b = removed.binding;
  if (head === undefined || !SWITCHED.has(b.resourceType)) return undefined;
  let by: AclResource[];
  if (b.patternType === 'Literal') {
    by = [];
    for (let i = b.resourceName.indexOf('.'); i >= 0 && i < b.resourceName.length - 1; i = b.resourceName.indexOf('.', i + 1)) {
      const prefix = b.resourceName.slice(0, i + 1);
      const id = [b.principal, b.host, b.operation, b.permission, b.resourceType, prefix, 'Prefixed'].join('|');
      const found = head.aclsById.get(id);
      if (found !== undefined) by.push(found);
    }
  } else if (b.patternType === 'Prefixed') {
    by = [...head.aclsById.values()].filter((a) => a.binding.patternType === 'Literal' && covers(b, a.binding));
  } else {
    return undefined;
  }
  if (by.length === 0) return undefined;
  return { by, existedBefore: by.every((a) => base?.aclsById.has(a.id) === true) };
}
