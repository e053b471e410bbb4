/**
 * kafka-gitops's own test suite against the migration (kafka-gitops-suite.ts says how each case is checked), and the
 * table of results docs/migration.md shows, which must be what this run computes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithTerraform } from '../../double/terraform-suite';
import { createTerraformWorkspace, type TerraformWorkspace } from '../../../scripts/terraform/workspace';
import { describeWithSharedFixtures } from '../helpers/fixtures';
import { synthDomains } from '../helpers/load-generated';
import { ENVIRONMENT, explain, renderTable, runCase, suiteCases, TABLE_END, TABLE_START, VARS, type CaseResult } from './kafka-gitops-suite';

const DOC = join(__dirname, '../../../docs/migration.md');

describeWithSharedFixtures("kafka-gitops's test suite, migrated", () => {
  describeWithTerraform("planned by terraform against the double seeded with each case's pre-state", () => {
    let workspace: TerraformWorkspace | undefined;
    const results: CaseResult[] = [];
    beforeAll(async () => {
      workspace = await createTerraformWorkspace({ route: 'reattach', json: synthDomains([], ENVIRONMENT), vars: VARS });
      await workspace.init();
    });
    afterAll(() => workspace?.dispose());

    const cases = suiteCases();
    for (const c of cases) {
      it(`${c.name} (${c.kind === 'valid' ? "its plan holds in terraform's" : 'refused as kafka-gitops refuses it'})`, async () => {
        if (workspace === undefined) throw new Error('the terraform workspace did not start');
        const result = await runCase(c, workspace);
        results.push(result);
        expect(result.differences.filter((d) => explain(d, c) === undefined)).toEqual([]);
        expect(result.outcome).toBe(c.kind === 'valid' ? 'matches' : 'refused');
      });
    }

    it('docs/migration.md shows the table this run computes (regenerate: npx tsx test/importer/migrate/gen-table.ts)', () => {
      expect(results).toHaveLength(cases.length);
      const doc = readFileSync(DOC, 'utf8');
      const table = doc.slice(doc.indexOf(TABLE_START) + TABLE_START.length, doc.indexOf(TABLE_END)).trim();
      expect(table).toBe(renderTable(results));
    });
  });
});
