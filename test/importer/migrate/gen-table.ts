/**
 * Writes the kafka-gitops suite table of docs/migration.md from a real run: every case of kafka-gitops's test suite
 * migrated and planned by terraform against the provider double (test/importer/migrate/kafka-gitops-suite.ts).
 * Needs terraform and ../shared/fixtures; test/importer/migrate/kafka-gitops-suite.test.ts checks the table.
 *
 *   npx tsx test/importer/migrate/gen-table.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTerraformWorkspace } from '../../../scripts/terraform/workspace';
import { synthDomains } from '../helpers/load-generated';
import { ENVIRONMENT, renderTable, runCase, suiteCases, TABLE_END, TABLE_START, VARS } from './kafka-gitops-suite';

async function main(): Promise<void> {
  const cases = suiteCases();
  if (cases.length === 0) throw new Error('no kafka-gitops cases: ../shared/fixtures/kafka-gitops/plans is not there');
  const workspace = await createTerraformWorkspace({ route: 'reattach', json: synthDomains([], ENVIRONMENT), vars: VARS });
  try {
    await workspace.init();
    const results = [];
    for (const c of cases) results.push(await runCase(c, workspace));
    const file = join(__dirname, '../../../docs/migration.md');
    const doc = readFileSync(file, 'utf8');
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    if (start < 0 || end < start) throw new Error(`${file} has no ${TABLE_START} … ${TABLE_END} section`);
    writeFileSync(file, `${doc.slice(0, start + TABLE_START.length)}\n${renderTable(results)}\n${doc.slice(end)}`);
    process.stdout.write(`${file}: ${results.length} cases written\n`);
  } finally {
    await workspace.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
