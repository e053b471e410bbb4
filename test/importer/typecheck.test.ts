/**
 * The generated files compile under the project's strict compiler settings (noUnusedLocals, noUncheckedIndexedAccess,
 * …): they are written into a temporary folder and type-checked with tsc against the real constructs.
 */
import { expect, it } from 'vitest';
import { runImport } from '../../importer';
import { orders } from '../../topics/orders';
import { search } from '../../topics/search';
import { PROD } from '../helpers/synth';
import { billing } from './helpers/billing-domain';
import { own } from './helpers/fixtures';
import { typecheckGenerated } from './helpers/typecheck';
import { CONSTRUCTS_MODULE, synthDomains } from './helpers/load-generated';
import { aclsOf, renderAclsList, renderTopicsDescribe, topicsOf, type StackResources } from './helpers/render-cluster';

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

  const tsc = typecheckGenerated([...handmade.files, ...roundTrip.files], ['handmade', 'round-trip']);
  expect(tsc.output).toBe('');
  expect(tsc.status).toBe(0);
}, 120_000);
