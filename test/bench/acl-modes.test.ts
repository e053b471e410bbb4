/** Resources per topic in each ACL pattern mode, as the bench counts them (bench/acl-modes.ts), on the bench's spec. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modeResources } from '../../bench/acl-modes';
import { declareDomain } from '../../bench/apps/topicform-app';
import { SOURCE_LIBRARY } from '../../bench/apps/source-library';
import { benchSpec } from '../../bench/spec';
import { isDeclaration } from '../../constructs/declaration';
import { resolve } from '../../model/resolve';
import type { AclPatternMode } from '../../model/vocabulary';

// cdktf's App creates its outdir when constructed: a temporary one, not a folder in the checkout.
const OUTDIR = mkdtempSync(join(tmpdir(), 'topicform-acl-modes-'));
afterAll(() => rmSync(OUTDIR, { recursive: true, force: true }));

function resolved(patterns: AclPatternMode, topics: number) {
  const spec = benchSpec(topics);
  const app = new SOURCE_LIBRARY.App({ outdir: OUTDIR, stackTraces: false });
  const environment = new SOURCE_LIBRARY.KafkaEnvironment(app, spec.environment.name, { environment: spec.environment });
  for (const domain of spec.domains) declareDomain(environment, domain, SOURCE_LIBRARY);
  const declarations = environment.node.findAll().filter(isDeclaration);
  const of = (kind: string): Array<Record<string, unknown>> => declarations.filter((d) => d.declarationKind === kind).map((d) => d.toDeclaration());
  const result = resolve(
    { domains: of('domain'), topics: of('topic'), consumerGroups: of('consumerGroup'), producers: of('producer'), legacyAcls: of('legacyAcl') },
    { ...spec.environment, acl: { patterns } },
  );
  if (result.topology === null) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result.topology;
}

describe('modeResources', () => {
  it('counts every stack’s resources per declared event topic, and the prefixed mode needs far fewer ACLs', () => {
    const literal = modeResources(resolved('literal', 300), 'domain');
    const prefixed = modeResources(resolved('prefixed', 300), 'domain');
    expect(literal.perTopic).toBeCloseTo(literal.total / 300);
    expect(prefixed.total).toBe(literal.total - literal.acls + prefixed.acls);
    expect(prefixed.acls * 10).toBeLessThan(literal.acls);
  });
});
