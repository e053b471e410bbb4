/**
 * The generated files compile under the project's strict compiler settings (noUnusedLocals, noUncheckedIndexedAccess,
 * …): they are written into a temporary folder and type-checked with tsc against the real constructs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { runImport } from '../../importer';
import { orders } from '../../topics/orders';
import { search } from '../../topics/search';
import { PROD } from '../helpers/synth';
import { billing } from './helpers/billing-domain';
import { own } from './helpers/fixtures';
import { CONSTRUCTS_MODULE, synthDomains } from './helpers/load-generated';
import { aclsOf, renderAclsList, renderTopicsDescribe, topicsOf, type StackResources } from './helpers/render-cluster';

const ROOT = resolve(__dirname, '../..');

it('type-checks the files generated for the hand-made cluster and for the round-trip domains', () => {
  const handmade = runImport({
    inputs: {
      topicsDescribe: [{ file: 'd', text: own('handmade/topics-describe.txt') }],
      configs: [{ file: 'c', text: own('handmade/configs-describe-all.txt') }],
      acls: [{ file: 'a', text: own('handmade/acls-list.txt') }],
    },
    environment: PROD,
    generate: { constructsModule: CONSTRUCTS_MODULE, topicsDir: 'handmade' },
  });
  const stack = synthDomains([orders, search, billing], PROD) as StackResources;
  const roundTrip = runImport({
    inputs: { topicsDescribe: [{ file: 'd', text: renderTopicsDescribe(topicsOf(stack)) }], acls: [{ file: 'a', text: renderAclsList(aclsOf(stack)) }] },
    environment: PROD,
    generate: { constructsModule: CONSTRUCTS_MODULE, topicsDir: 'round-trip' },
  });
  if ('error' in handmade || 'error' in roundTrip) throw new Error('import failed');

  const dir = mkdtempSync(join(tmpdir(), 'topicform-import-tsc-'));
  try {
    for (const f of [...handmade.files, ...roundTrip.files].filter((x) => x.path.endsWith('.ts'))) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(ROOT, 'tsconfig.json'),
        compilerOptions: { typeRoots: [join(ROOT, 'node_modules/@types')], paths: { constructs: [join(ROOT, 'node_modules/constructs')] } },
        include: ['handmade', 'round-trip'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(dir, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
