import { expect, it } from 'vitest';
import { runImport } from '../../importer';
import { DEV } from '../helpers/synth';
import { own } from './helpers/fixtures';

it('names every line it did not understand with its file and line, and what is left unmanaged with the reason', () => {
  const result = runImport({
    inputs: {
      topicsDescribe: [{ file: 'topics.txt', text: own('formats/topics-describe-kafka-3.9.txt') }],
      configs: [{ file: 'configs.txt', text: own('formats/configs-describe-dynamic-kafka-3.txt') }],
      acls: [{ file: 'acls.txt', text: own('formats/acls-list-kafka-3.txt') }],
    },
    environment: DEV,
  });
  if ('error' in result) throw new Error(result.error);
  const lines = result.summary.split('\n');
  expect(lines).toContain(
    '  topics.txt:9: line not understood, not used: "Error while executing topic command : Timed out waiting for a node assignment. Call: describeTopics"',
  );
  expect(lines).toContain('  configs.txt:10: line not understood, not used: "Some line no kafka-configs version prints"');
  expect(lines).toContain('  acls.txt:29: line not understood, not used: "Warning: a line no kafka-acls version prints"');
  expect(lines).toContain('  inventory.stock-level: the value of vendor.secret is hidden (sensitive), so the override cannot be kept');
  expect(result.summary).toMatch(/^errors \(2\):$/m);
  expect(result.summary).toMatch(/acls\.txt:23 User:token-admin ALLOW CREATE_TOKENS on USER alice .*: cannot be expressed for the Mongey provider/);
});
