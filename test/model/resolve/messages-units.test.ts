/** Exact messages and hints of model/resolve/messages.ts the resolve mutation run left alive (issue 28), worked by hand. */
import { describe, expect, it } from 'vitest';
import { checkPrincipalType } from '../../../model/resolve/checks';
import { environmentSchema } from '../../../model/schema';
import { DEV, DOCUMENT_CHANGED, ORDER_CREATED, expectFailure, expectIssue, INVOICING, withDeclarations, BILLING, ORDERS, SEARCH } from './helpers';

describe('resolve: messages', () => {
  it("hints that reading another domain's events needs a reason", () => {
    const { subscriptions, ...rest } = INVOICING;
    const withoutReason = { ...rest, subscriptions: subscriptions.map((s) => ({ topic: s.topic })) };
    const result = expectFailure(withDeclarations({ domains: [ORDERS, SEARCH, BILLING], consumerGroups: [withoutReason] }), DEV);
    const issue = expectIssue(result, { source: 'dev/billing/invoicing', path: 'subscriptions[0].reason', code: 'cross-domain-read-without-reason' });
    expect(issue.hint).toBe("access to another domain's events is its owner's decision: give a reason");
  });

  it('hints to rename one of two topic names that differ only by "." versus "_"', () => {
    const a = { ...ORDER_CREATED, topicName: 'orders.order_created', source: { path: 'dev/orders/a' } };
    const b = { ...ORDER_CREATED, name: 'order-placed', topicName: 'orders.order.created', source: { path: 'dev/orders/b' } };
    const result = expectFailure(withDeclarations({ topics: [a, b, DOCUMENT_CHANGED] }), DEV);
    const issue = expectIssue(result, { source: 'dev/orders/a', path: 'name', code: 'topic-name-collision' });
    expect(issue.hint).toBe('rename one of them');
  });

  it('lists every allowed principal type, comma-separated', () => {
    const env = environmentSchema.parse({ ...DEV, principalTypes: ['User', 'Group'] });
    const [issue] = checkPrincipalType('Role:ops', env);
    expect(issue?.message).toBe('principal "Role:ops" has type "Role", which environment "dev" does not allow (allowed: User, Group)');
  });
});
