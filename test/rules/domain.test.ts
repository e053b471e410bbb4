import { describe, expect, it } from 'vitest';
import { recoveryProcedure } from '../../rules/domain/recovery-procedure';
import { recoveryProcedureExists } from '../../rules/domain/recovery-procedure-exists';
import { buildContext } from '../../rules/context';
import { Testing } from '../../constructs/cdktf';
import { KafkaStack } from '../../constructs';
import { useRepositoryFacts } from '../../constructs/repository-facts';
import { declareOrders } from './helpers';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { buildApp } from '../../main';
import { renderApp } from '../../cli/render-app';
import { repositoryFacts } from '../../cli/repository';
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
  eventTopic,
  eventTopicNamed,
  expectFinding,
  expectNoFinding,
  expectViolation,
  legacyAcl,
  lintOrders,
  ordersDeclarations,
  resolveTopology,
  withTopology,
} from './helpers';

describe('TF-DOMAIN-001 recoveryProcedure: every domain says where its recovery / replay procedure is written down', () => {
  it('fires (warning) on a domain declared without a recovery procedure', () => {
    const { findings } = lintOrders({ domain: { recoveryProcedure: undefined } });
    expectFinding(findings, {
      ruleId: 'TF-DOMAIN-001',
      level: 'warning',
      subject: 'orders',
      field: 'recoveryProcedure',
      message: 'domain "orders" declares no recovery procedure',
    });
  });

  it('does not fire when the domain names its runbook', () => {
    expectNoFinding(lintOrders().findings, 'TF-DOMAIN-001');
  });

  it('checks the domain value directly: a missing procedure is a violation, a runbook path is compliant', () => {
    const topology = resolveTopology({ domains: [domain('orders', { recoveryProcedure: undefined })] });
    expectViolation(recoveryProcedure.check(domainNamed(topology, 'orders'), context(topology)), {
      field: 'recoveryProcedure',
      message: 'declares no recovery procedure',
    });
    const documented = resolveTopology({ domains: [domain('orders')] });
    expect(recoveryProcedure.check(domainNamed(documented, 'orders'), context(documented))).toEqual({ status: 'compliant' });
  });
});

describe('TF-DOMAIN-004 recoveryProcedureExists: the recovery procedure a domain names exists in the repository', () => {
  /** A repository holding exactly these paths (files and the folders above them). */
  const repo = (...files: string[]): { exists: (path: string) => boolean; asked: string[] } => {
    const present = new Set(files.flatMap((f) => f.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
    const asked: string[] = [];
    return { asked, exists: (path) => (asked.push(path), present.has(path)) };
  };
  const check = (procedure: string | undefined, repository?: { exists: (path: string) => boolean }) => {
    const topology = resolveTopology({ domains: [domain('orders', { recoveryProcedure: procedure })] });
    return recoveryProcedureExists.check(domainNamed(topology, 'orders'), buildContext(topology, 'environment', repository));
  };

  it('fires (warning) through a stack whose app was given the repository, when the path does not exist', () => {
    const app = Testing.app();
    useRepositoryFacts(app, repo('docs/runbooks/search.md'));
    const stack = new KafkaStack(app, 'dev', { environment: DEV });
    declareOrders(stack);
    stack.render();
    expectFinding(stack.findings, {
      ruleId: 'TF-DOMAIN-004',
      level: 'warning',
      subject: 'orders',
      field: 'recoveryProcedure',
      message: 'recovery procedure "docs/runbooks/orders.md" does not exist in the repository',
    });
  });

  it('passes when the file exists, and asks for the normalized path', () => {
    const files = repo('docs/runbooks/orders.md');
    expect(check('docs/runbooks/orders.md', files)).toEqual({ status: 'compliant' });
    expect(check('./docs//runbooks/orders.md#replay', files)).toEqual({ status: 'compliant' });
    expect(check('docs/runbooks', files)).toEqual({ status: 'compliant' });
    expect(files.asked).toEqual(['docs/runbooks/orders.md', 'docs/runbooks/orders.md', 'docs/runbooks']);
  });

  it('fires on a path outside the repository without asking for it', () => {
    const files = repo('etc/passwd');
    for (const outside of ['/etc/passwd', '../elsewhere/orders.md', 'docs/../../orders.md']) {
      expectViolation(check(outside, files), { field: 'recoveryProcedure', message: 'is not a path inside the repository' });
    }
    expect(files.asked).toEqual([]);
  });

  it('reads the path as written after trimming it, dropping an anchor and turning backslashes into slashes', () => {
    const files = repo('docs/runbooks/orders.md');
    expect(check('docs/runbooks/orders.md \n', files)).toEqual({ status: 'compliant' });
    expect(check('docs\\runbooks\\orders.md', files)).toEqual({ status: 'compliant' });
    expect(check('  https://wiki.example.com/orders/recovery', files)).toEqual({ status: 'not-applicable' });
    expect(files.asked).toEqual(['docs/runbooks/orders.md', 'docs/runbooks/orders.md']);
  });

  it('fires on the repository root itself, its parent, or an anchor alone, without asking for them', () => {
    const files = repo('docs/runbooks/orders.md');
    // A declared procedure is at least 10 characters: these normalize to '.', '.' (the anchor dropped) and '..'.
    // With a trailing slash the first normalizes to './' and the last two to '../': still the root and its parent.
    for (const declared of [
      'docs/runbooks/../..',
      '#replay-section',
      'docs/runbooks/../../..',
      'docs/../..',
      'docs/runbooks/../../',
      'docs/runbooks/../../../',
      'docs/../../#replay',
    ]) {
      expectViolation(check(declared, files), {
        field: 'recoveryProcedure',
        message: `recovery procedure "${declared}" is not a path inside the repository (write it relative to the repository root)`,
      });
    }
    expect(files.asked).toEqual([]);
  });

  it('does not apply to a URL, to a domain without a procedure (TF-DOMAIN-001 says so), or where lint knows no repository', () => {
    expect(check('https://wiki.example.com/orders/recovery', repo())).toEqual({ status: 'not-applicable' });
    expect(check(undefined, repo())).toEqual({ status: 'not-applicable' });
    expect(check('docs/runbooks/orders.md')).toEqual({ status: 'not-applicable' });
    expectNoFinding(lintOrders().findings, 'TF-DOMAIN-004');
  });

  it("passes on the repository's own example, linted with the repository's facts as synth lints it", () => {
    // buildApp only names its output folder; nothing is synthesized into it.
    const outdir = join(tmpdir(), 'topicform-domain-unused');
    const app = buildApp(outdir);
    useRepositoryFacts(app, repositoryFacts(resolvePath(__dirname, '..', '..')));
    const { findings } = renderApp(app);
    expect(findings.filter((f) => f.ruleId === 'TF-DOMAIN-004')).toEqual([]);
    // And the check is real: the same app with a repository that lacks the files warns for every domain.
    const bare = buildApp(outdir);
    useRepositoryFacts(bare, { exists: () => false });
    const missing = renderApp(bare).findings.filter((f) => f.ruleId === 'TF-DOMAIN-004');
    expect(new Set(missing.map((f) => f.subject.name))).toEqual(new Set(['orders', 'search']));
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
    expectFinding(findings, {
      ruleId: 'TF-DOMAIN-002',
      level: 'error',
      subject: 'ordersfeed.created',
      field: 'name',
      message: 'does not start with "orders."',
    });
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

  it("does not apply to dead-letter topics (their names follow the parent topic, and their domain is the consumer's)", () => {
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
    expectFinding(findings, {
      ruleId: 'TF-DOMAIN-003',
      level: 'warning',
      subject: 'unassigned',
      field: 'name',
      message: 'domain "unassigned" holds 0 topic(s), 1 consumer group(s), 0 legacy ACL(s) that no domain owns: assign them to their owning domains',
    });
  });

  it('counts only what the unassigned domain holds: its event topics (not their dead-letter topics), its groups, its legacy ACLs', () => {
    const legacyEvents = { domain: 'unassigned', event: 'legacy-events' };
    const topology = resolveTopology({
      domains: [...seed.domains, domain('unassigned')],
      topics: [...seed.topics, eventTopic('unassigned', 'legacy-events')],
      consumerGroups: [
        ...seed.consumerGroups,
        consumerGroup('unassigned', 'legacy-consumer', legacyEvents),
        consumerGroup('unassigned', 'legacy-audit', legacyEvents),
      ],
      producers: seed.producers,
      legacyAcls: [
        legacyAcl('unassigned', { resourceName: 'unassigned.' }),
        legacyAcl('orders', { principal: 'User:reporting' }),
        legacyAcl('orders', { principal: 'User:archiver' }),
      ],
    });
    // Two dead-letter topics in the unassigned domain, and derived ACLs for its groups, which are not counted.
    expect(topology.topics.filter((t) => t.domain === 'unassigned').map((t) => t.kind)).toEqual(['event', 'dead-letter', 'dead-letter']);
    expect(topology.acls.filter((a) => a.domain === 'unassigned' && a.legacy === undefined).length).toBeGreaterThan(0);
    expectViolation(unassignedDomain.check(domainNamed(topology, 'unassigned'), context(topology)), {
      field: 'name',
      message: 'domain "unassigned" holds 1 topic(s), 2 consumer group(s), 1 legacy ACL(s) that no domain owns: assign them to their owning domains',
    });
  });

  it('does not fire on a domain with an owning name', () => {
    expectNoFinding(lintOrders().findings, 'TF-DOMAIN-003');
    const topology = withUnassigned();
    expect(unassignedDomain.check(domainNamed(topology, 'orders'), context(topology))).toEqual({ status: 'compliant' });
  });
});
