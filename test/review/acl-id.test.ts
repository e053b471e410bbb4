// The ACL a plan's resource change is about, read from its Terraform attributes (review/classify.ts
// aclIdFromAttributes, used by the plan step): the id is the seven binding fields joined by `|`, Literal when the
// provider leaves the pattern type out, and no id at all when a field is missing or would make the id ambiguous.
import { describe, expect, it } from 'vitest';
import { aclIdFromAttributes } from '../../review/classify';

/** The attributes without one field. */
function without(key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(ATTRIBUTES).filter(([k]) => k !== key));
}

const ATTRIBUTES = {
  acl_principal: 'User:orders-svc',
  acl_host: '*',
  acl_operation: 'Read',
  acl_permission_type: 'Allow',
  resource_type: 'Topic',
  resource_name: 'orders.order-created',
  resource_pattern_type_filter: 'Prefixed',
};

describe('aclIdFromAttributes', () => {
  it('joins principal, host, operation, permission, resource type, name and pattern type, in that order', () => {
    expect(aclIdFromAttributes(ATTRIBUTES)).toBe('User:orders-svc|*|Read|Allow|Topic|orders.order-created|Prefixed');
  });

  it('takes Literal for a missing or non-text pattern type (the provider default)', () => {
    expect(aclIdFromAttributes(without('resource_pattern_type_filter'))).toBe('User:orders-svc|*|Read|Allow|Topic|orders.order-created|Literal');
    expect(aclIdFromAttributes({ ...ATTRIBUTES, resource_pattern_type_filter: 3 })).toBe('User:orders-svc|*|Read|Allow|Topic|orders.order-created|Literal');
  });

  it('gives no id without attributes, with a field missing or not text', () => {
    expect(aclIdFromAttributes(null)).toBeNull();
    expect(aclIdFromAttributes(without('acl_host'))).toBeNull();
    expect(aclIdFromAttributes(without('resource_name'))).toBeNull();
    expect(aclIdFromAttributes({ ...ATTRIBUTES, acl_principal: 42 })).toBeNull();
    expect(aclIdFromAttributes({ ...ATTRIBUTES, acl_permission_type: null })).toBeNull();
  });

  it('gives no id when a field holds the separator: the id would not split back into the same seven fields', () => {
    expect(aclIdFromAttributes({ ...ATTRIBUTES, resource_name: 'orders|x' })).toBeNull();
  });
});
