import { describe, expect, it } from 'vitest';
import { recoveryProcedure } from '../../rules/domain/recovery-procedure';
import { topicNamedAfterDomain } from '../../rules/domain/topic-named-after-domain';
import { unassignedDomain } from '../../rules/domain/unassigned-domain';
import { lint } from '../../rules/run';
import {
  companionNamed,
  consumerGroup,
  context,
  DEV,
  domain,
  domainNamed,
  eventTopicNamed,
  expectFinding,
  expectNoFinding,
  expectViolation,
  lintOrders,
  ordersDeclarations,
  resolveTopology,
  withTopology,
} from './helpers';

describe('TF-DOMAIN-001 recoveryProcedure: every domain says where its recovery / replay procedure is written down', () => {
  it('fires (warning) on a domain declared without a recovery procedure', () => {
    const { findings } = lintOrders({ domain: { recoveryProcedure: undefined } });
    expectFinding(findings, { ruleId: 'TF-DOMAIN-001', level: 'warning', subject: 'orders', field: 'recoveryProcedure', message: 'domain "orders" declares no recovery procedure' });
  });

  it('does not fire when the domain names its runbook', () => {
    expectNoFinding(lintOrders().findings, 'TF-DOMAIN-001');
  });

  it('checks the domain value directly: a missing procedure is a violation, a runbook path is compliant', () => {
    const topology = resolveTopology({ domains: [domain('orders', { recoveryProcedure: undefined })] });
    expectViolation(recoveryProcedure.check(domainNamed(topology, 'orders'), context(topology)), { field: 'recoveryProcedure', message: 'declares no recovery procedure' });
    const documented = resolveTopology({ domains: [domain('orders')] });
    expect(recoveryProcedure.check(domainNamed(documented, 'orders'), context(documented))).toEqual({ status: 'compliant' });
  });
});

describe("TF-DOMAIN-002 topicNamedAfterDomain: a topic's name starts with its domain", () => {
  // The constructs always name topics <prefix><domain>.<event>, so a misnamed topic can only be built by hand
  // (an importer reading an existing cluster could produce one).
  const topology = resolveTopology(ordersDeclarations());
  const topic = eventTopicNamed(topology, 'orders.order-created');

  it('fires (error) on a topic of domain "orders" named "payments.order-created"', () => {
    const misnamed = { ...topic, name: 'payments.order-created' };
    expectViolation(topicNamedAfterDomain.check(misnamed, context(withTopology(topology, { topics: [misnamed] }))), {
      field: 'name',
      message: 'topic "payments.order-created" of domain "orders" does not start with "orders."',
    });
  });

  it('fires through the runner as an error about the misnamed topic', () => {
    const misnamed = { ...topic, name: 'ordersfeed.created' };
    const findings = lint(withTopology(topology, { topics: [misnamed] }));
    expectFinding(findings, { ruleId: 'TF-DOMAIN-002', level: 'error', subject: 'ordersfeed.created', field: 'name', message: 'does not start with "orders."' });
  });

  it('fires when the environment prefix is missing from the name', () => {
    const staging = resolveTopology(ordersDeclarations(), { ...DEV, name: 'staging', topicPrefix: 'staging.' });
    const unprefixed = { ...eventTopicNamed(staging, 'staging.orders.order-created'), name: 'orders.order-created' };
    expectViolation(topicNamedAfterDomain.check(unprefixed, context(staging)), { field: 'name', message: 'does not start with "staging.orders."' });
  });

  it('does not fire on topics named by the default convention, with or without an environment prefix', () => {
    expectNoFinding(lintOrders().findings, 'TF-DOMAIN-002');
    const staging = resolveTopology(ordersDeclarations(), { ...DEV, name: 'staging', topicPrefix: 'staging.' });
    expect(topicNamedAfterDomain.check(eventTopicNamed(staging, 'staging.orders.order-created'), context(staging))).toEqual({ status: 'compliant' });
  });

  it('does not apply to dead-letter topics (their names follow the parent topic, and their domain is the consumer\'s)', () => {
    const seed = ordersDeclarations();
    const topology2 = resolveTopology({
      ...seed,
      domains: [...seed.domains, domain('billing')],
      consumerGroups: [...seed.consumerGroups, consumerGroup('billing', 'invoicing', { domain: 'orders', event: 'order-created' })],
    });
    const dlq = companionNamed(topology2, 'orders.order-created.billing.invoicing.dlq');
    expect(dlq.domain).toBe('billing');
    expect(topicNamedAfterDomain.check(dlq, context(topology2))).toEqual({ status: 'not-applicable' });
  });
});

describe('TF-DOMAIN-003 unassignedDomain: what `topicform import` left in the "unassigned" domain gets an owning domain', () => {
  const seed = ordersDeclarations();
  const withUnassigned = () =>
    resolveTopology({
      ...seed,
      domains: [...seed.domains, domain('unassigned')],
      consumerGroups: [...seed.consumerGroups, consumerGroup('unassigned', 'legacy-consumer', { domain: 'orders', event: 'order-created' })],
    });

  it('fires (warning) on a domain named "unassigned", saying what it holds', () => {
    const findings = lint(withUnassigned());
    expectFinding(findings, { ruleId: 'TF-DOMAIN-003', level: 'warning', subject: 'unassigned', field: 'name', message: 'domain "unassigned" holds 0 topic(s), 1 consumer group(s), 0 legacy ACL(s) that no domain owns: assign them to their owning domains' });
  });

  it('does not fire on a domain with an owning name', () => {
    expectNoFinding(lintOrders().findings, 'TF-DOMAIN-003');
    const topology = withUnassigned();
    expect(unassignedDomain.check(domainNamed(topology, 'orders'), context(topology))).toEqual({ status: 'compliant' });
  });
});
