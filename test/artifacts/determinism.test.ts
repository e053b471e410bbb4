import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTIFACT_ROOTS, environmentOf, generateArtifacts, isGeneratedArtifact } from '../../artifacts';
import type { Topology } from '../../model/topology';
import { edgeCaseTopology, exampleTopologies } from './fixtures';

const topologies: readonly Topology[] = [...exampleTopologies(), edgeCaseTopology()];

/** The same topology with every list in reverse order (resolve sorts them; the generators must not rely on it). */
function reversed(t: Topology): Topology {
  return {
    ...t,
    domains: [...t.domains].reverse(),
    topics: [...t.topics].reverse(),
    consumerGroups: [...t.consumerGroups].reverse(),
    producers: [...t.producers].reverse(),
    acls: [...t.acls].reverse(),
  };
}

/** A stack's slice of an environment: what one domain's stack holds (model/slice.ts does the same for synth). */
function slice(t: Topology, domain: string): Topology {
  return {
    ...t,
    domains: t.domains.filter((d) => d.name === domain),
    topics: t.topics.filter((x) => x.domain === domain),
    consumerGroups: t.consumerGroups.filter((g) => g.domain === domain),
    producers: t.producers.filter((p) => p.topic.domain === domain),
    acls: t.acls.filter((a) => a.domain === domain),
  };
}

describe('generated artifacts', () => {
  const files = generateArtifacts(topologies);

  it('are byte-identical when generated twice', () => {
    expect([...generateArtifacts(topologies)]).toEqual([...files]);
  });

  it('do not depend on the order of environments, domains, topics, groups, producers or ACLs', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...topologies], { minLength: topologies.length }), fc.boolean(), (order, reverse) => {
        const input = reverse ? order.map(reversed) : order;
        expect([...generateArtifacts(input)]).toEqual([...files]);
      }),
      { numRuns: 12 },
    );
  });

  it('are the same whether an environment comes whole or as per-domain stack slices', () => {
    const slices = topologies.flatMap((t) => t.domains.map((d) => slice(t, d.name)));
    expect([...generateArtifacts(slices)]).toEqual([...files]);
  });

  it('carry the generated marker (synth removes only marked files) and name their environment in their path', () => {
    for (const [path, content] of files) {
      expect(isGeneratedArtifact(content), path).toBe(true);
      const env = environmentOf(path);
      // The files that span every environment: the docs' index and capacity report, and the portal files per domain.
      if (env === null) expect(['docs/index.md', 'docs/capacity.md'].includes(path) || path.startsWith('portal/'), path).toBe(true);
      else {
        expect(
          topologies.map((t) => t.environment.name),
          path,
        ).toContain(env);
      }
    }
    expect(isGeneratedArtifact('my own notes')).toBe(false);
  });

  it('are sorted relative POSIX paths under clients/, docs/ and portal/, each ending with one newline', () => {
    const paths = [...files.keys()];
    expect(paths).toEqual([...paths].sort());
    for (const [path, content] of files) {
      expect(path).toMatch(/^[A-Za-z0-9._/-]+$/);
      expect(ARTIFACT_ROOTS.some((root) => path.startsWith(`${root}/`))).toBe(true);
      expect(path.split('/')).not.toContain('..');
      expect(content.endsWith('\n') && !content.endsWith('\n\n')).toBe(true);
    }
  });

  it('carry no absolute path, timestamp or machine-specific text', () => {
    for (const [path, content] of files) {
      expect(content, path).not.toContain(process.cwd());
      expect(content, path).not.toMatch(/\/(?:home|tmp|Users|work)\//);
      expect(content, path).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?!\.000Z)/);
    }
  });

  it('give each environment its clients, catalog, runbooks and graphs', () => {
    for (const t of topologies) {
      const env = t.environment.name;
      expect(files.has(`docs/${env}/index.md`)).toBe(true);
      expect(files.has(`docs/${env}/graph.mmd`)).toBe(true);
      for (const d of t.domains) {
        expect(files.has(`docs/${env}/domains/${d.name}.md`)).toBe(true);
        expect(files.has(`docs/${env}/graphs/${d.name}.mmd`)).toBe(true);
      }
      for (const g of t.consumerGroups) expect(files.has(`docs/${env}/runbooks/${g.domain}.md`)).toBe(true);
      for (const service of new Set([...t.producers.map((p) => p.service), ...t.consumerGroups.map((g) => g.service)])) {
        expect(
          [...files.keys()].some((p) => p.startsWith(`clients/${env}/${service}`) && p.endsWith('/kafkajs.ts')),
          service,
        ).toBe(true);
      }
    }
    expect(files.has('docs/index.md')).toBe(true);
    expect(files.has('docs/capacity.md')).toBe(true);
  });
});
