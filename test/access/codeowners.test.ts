/**
 * CODEOWNERS from the declarations: the committed .github/CODEOWNERS stays in sync with the owners the domains declare,
 * and its content follows from the declarations (declaration files, per-domain stacks and generated documents).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODEOWNERS_HEADER, CODEOWNERS_PATH, PLATFORM_PATHS, generateCodeowners } from '../../access/codeowners';
import { loadAccessSource } from '../../cli/commands/access';
import { buildApp } from '../../main';
import type { Topology } from '../../model/topology';
import { fixture, topologyOf } from './fixtures';

const ROOT = join(__dirname, '..', '..');

describe('.github/CODEOWNERS', () => {
  const { source, errors } = loadAccessSource(buildApp);
  // The platform owner `topicform codeowners` reads from this repository's package.json.
  const platformOwner = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { topicform: { platformOwner: string } }).topicform.platformOwner;
  const { content, warnings } = generateCodeowners({ ...source, defaultOwner: platformOwner });

  it('is in sync with the owners the domains declare (run `topicform codeowners` when this fails)', () => {
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(readFileSync(join(ROOT, CODEOWNERS_PATH), 'utf8')).toBe(content);
  });

  it("gives each domain's owner its declaration file, its own prod stack and its generated documents", () => {
    const lines = content.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    const topologies = source.topologies;
    for (const domain of topologies[0]?.domains ?? []) {
      const owned = lines.filter((l) => l.endsWith(` ${domain.owner}`)).map((l) => l.slice(0, -domain.owner.length - 1));
      const groups = topologies.flatMap((t) => t.consumerGroups.filter((g) => g.domain === domain.name).map((g) => g.groupId));
      expect(owned).toEqual([
        `/${domain.source.file ?? ''}`,
        `/cdktf.out/stacks/prod-${domain.name}/`,
        `/cdktf.out/docs/*/domains/${domain.name}.md`,
        `/cdktf.out/docs/*/graphs/${domain.name}.mmd`,
        `/cdktf.out/portal/${domain.name}/`,
        ...(groups.length === 0 ? [] : [`/cdktf.out/docs/*/runbooks/${domain.name}.md`]),
      ]);
    }
    expect(lines).toContain('/topics/orders.ts @acme/orders-team');
    expect(lines).toContain('/topics/search.ts @acme/search-team');
    // The search indexer's cross-domain read is declared in search's file: its runbook section is on search's page.
    expect(lines).toContain('/cdktf.out/docs/*/runbooks/search.md @acme/search-team');
    // dev and staging are whole-environment stacks: no single team owns them.
    expect(lines.some((l) => l.startsWith('/cdktf.out/stacks/dev') || l.startsWith('/cdktf.out/stacks/staging'))).toBe(false);
  });

  it('starts with the generated header', () => {
    expect(content.startsWith(`${CODEOWNERS_HEADER.join('\n')}\n`)).toBe(true);
  });
});

describe('generateCodeowners', () => {
  const base = topologyOf(fixture());

  it('follows a change of owner', () => {
    const changed: Topology = { ...base, domains: base.domains.map((d) => (d.name === 'orders' ? { ...d, owner: '@acme/checkout-team' } : d)) };
    const { content } = generateCodeowners({ topologies: [changed] });
    expect(content).toContain('/topics/orders.ts @acme/checkout-team');
    expect(content).not.toContain('@acme/orders-team');
  });

  it('lists a default owner first, so the domain lines after it take precedence (last match wins)', () => {
    const lines = generateCodeowners({ topologies: [base], defaultOwner: '@acme/platform-team' })
      .content.split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines[0]).toBe('* @acme/platform-team');
  });

  it('gives the platform owner what decides how every domain reaches the cluster, last, so no domain line takes it over', () => {
    const lines = generateCodeowners({ topologies: [base], defaultOwner: '@acme/platform-team' })
      .content.split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines.slice(-PLATFORM_PATHS.length)).toEqual([
      '/environments.ts @acme/platform-team',
      '/review-acknowledgements.yaml @acme/platform-team',
      '/.github/ @acme/platform-team',
      '/.gitlab/ @acme/platform-team',
      '/.gitlab-ci.yml @acme/platform-team',
      '/atlantis.yaml @acme/platform-team',
      '/package.json @acme/platform-team',
      '/package-lock.json @acme/platform-team',
      '/.npmrc @acme/platform-team',
      '/vendor/ @acme/platform-team',
      '/cdktf.json @acme/platform-team',
      '/main.ts @acme/platform-team',
      '/tsconfig.json @acme/platform-team',
    ]);
    expect(generateCodeowners({ topologies: [base] }).content).not.toContain('/environments.ts');
  });

  it('owns only single-domain stacks, under the given output directory', () => {
    const { content } = generateCodeowners({
      topologies: [base],
      outdir: 'out/',
      stacks: [
        { stack: 'dev', environment: 'dev', domains: null },
        { stack: 'dev-orders', environment: 'dev', domains: ['orders'] },
        { stack: 'dev-pair', environment: 'dev', domains: ['billing', 'search'] },
        { stack: 'dev-gone', environment: 'dev', domains: [] },
      ],
    });
    expect(content.split('\n').filter((l) => l.startsWith('/out/stacks/'))).toEqual(['/out/stacks/dev-orders/ @acme/orders-team']);
  });

  it('warns about a file declaring domains of different owners and lists all of them on it', () => {
    const shared: Topology = { ...base, domains: base.domains.map((d) => ({ ...d, source: { ...d.source, file: 'topics/all.ts' } })) };
    const { content, warnings } = generateCodeowners({ topologies: [shared] });
    expect(content).toContain('/topics/all.ts @acme/billing-team @acme/orders-team @acme/search-team');
    expect(warnings).toEqual([
      'topics/all.ts declares billing, orders, search, owned by @acme/billing-team, @acme/orders-team, @acme/search-team: CODEOWNERS accepts a review from any one of them; declare each domain in its own file',
    ]);
  });

  it('gives a file that declares only parts of a domain to that domain, and skips files outside the repository', () => {
    const f = fixture();
    const t = topologyOf(f);
    const split: Topology = {
      ...t,
      consumerGroups: t.consumerGroups.map((g) =>
        g.groupId === 'search.order-indexer' ? { ...g, source: { ...g.source, file: 'topics/search/order-indexer.ts' } } : g,
      ),
      domains: t.domains.map((d) => (d.name === 'billing' ? { ...d, source: { ...d.source, file: '../elsewhere/billing.ts' } } : d)),
    };
    const { content, warnings } = generateCodeowners({ topologies: [split] });
    expect(content).toContain('/topics/search/order-indexer.ts @acme/search-team');
    expect(content).not.toContain('elsewhere');
    expect(warnings).toEqual(['../elsewhere/billing.ts (declaring billing) is outside the repository: it cannot be given an owner']);
  });

  it('escapes spaces in paths', () => {
    const spaced: Topology = { ...base, domains: base.domains.map((d) => ({ ...d, source: { ...d.source, file: `my topics/${d.name}.ts` } })) };
    expect(generateCodeowners({ topologies: [spaced] }).content).toContain('/my\\ topics/orders.ts @acme/orders-team');
  });
});
