/**
 * Fixture access for the importer tests: the project's own fixtures (test/fixtures/import) and the shared real-world
 * samples in ../shared/fixtures, which may be absent (a user's checkout): tests on those skip with the reason shown.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeNeeding, SHARED_ROOT, sharedRequirement } from '../../helpers/requirements';

export const OWN_FIXTURES = resolve(__dirname, '../../fixtures/import');
export const SHARED_FIXTURES = join(SHARED_ROOT, 'fixtures');

export function own(relative: string): string {
  return readFileSync(join(OWN_FIXTURES, relative), 'utf8');
}

/**
 * describe() over the shared samples; skipped, with the reason in its title and on the console, when they are absent
 * (failing instead, naming them, with TOPICFORM_TEST_STRICT=1).
 */
export function describeWithSharedFixtures(title: string, body: () => void): void {
  describeNeeding(sharedRequirement('fixtures'), title, body);
}

export function shared(relative: string): string {
  return readFileSync(join(SHARED_FIXTURES, relative), 'utf8');
}

/** Shared sample files of one folder whose names start with `prefix` (empty when the folder is absent). */
export function sharedFiles(folder: string, prefix: string): string[] {
  const dir = join(SHARED_FIXTURES, folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.startsWith(prefix))
        .sort()
    : [];
}
