/**
 * The one place that decides whether a test that needs something from outside the repository runs: the terraform
 * binary (the provider double's end-to-end tests), or the shared real-world samples in ../shared (terraform plans,
 * SARIF schemas, CLI outputs of Kafka tools), which a user's clone does not have.
 *
 * Where it is missing, such a test is skipped with the reason in its title and on the console: a user's clone stays
 * green and says what it did not check. With TOPICFORM_TEST_STRICT=1 (this project's CI, which has both, sets it in
 * .ci/run) the same test fails instead, naming what is missing, so the suite cannot go quietly green while checking
 * less than it claims.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'vitest';
import { terraformAvailable } from '../../scripts/terraform/workspace';

export const STRICT_VARIABLE = 'TOPICFORM_TEST_STRICT';

/** What a requirement is about: terraform on PATH, or samples under ../shared. */
export type RequirementKind = 'terraform' | 'shared';

/**
 * Which missing requirements fail the tests instead of skipping them: `1`/`true` both, `terraform` only a missing
 * terraform (for a machine that has terraform but no ../shared beside the clone), empty/`0`/`false` none. Any other
 * value is an error, so a typo cannot turn strict mode off quietly.
 */
export function strictKinds(env: NodeJS.ProcessEnv = process.env): ReadonlySet<RequirementKind> {
  const value = (env[STRICT_VARIABLE] ?? '').trim().toLowerCase();
  if (value === '1' || value === 'true') return new Set<RequirementKind>(['terraform', 'shared']);
  if (value === 'terraform') return new Set<RequirementKind>(['terraform']);
  if (value === '' || value === '0' || value === 'false') return new Set<RequirementKind>();
  throw new Error(
    `${STRICT_VARIABLE} must be 1 (missing terraform or ../shared fails the tests that need them), terraform (only a missing terraform fails) or 0, got "${env[STRICT_VARIABLE] ?? ''}"`,
  );
}

/** Whether any missing requirement fails the tests instead of skipping them. */
export function strictMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return strictKinds(env).size > 0;
}

/** Whether this missing requirement fails its tests here. */
function strictFor(requirement: Requirement): boolean {
  return strictKinds().has(requirement.kind);
}

/** Something a group of tests needs, and why it is not here (undefined when it is). */
export interface Requirement {
  /** Which strict setting covers it. */
  readonly kind: RequirementKind;
  /** What the tests need, for messages: `terraform >= 1.11 on PATH`, `../shared/fixtures/sarif/…`. */
  readonly needs: string;
  /** Why it is missing here; undefined when the tests can run. */
  readonly missing: string | undefined;
}

export const REPO_ROOT = resolve(__dirname, '..', '..');
/**
 * The shared samples beside the repository (never copied into it); TOPICFORM_SHARED_DIR names them where the tests
 * run from a copy of the repository (mutation testing runs them in a sandbox folder inside it).
 */
export const SHARED_ROOT =
  process.env.TOPICFORM_SHARED_DIR === undefined || process.env.TOPICFORM_SHARED_DIR === ''
    ? resolve(REPO_ROOT, '..', 'shared')
    : resolve(process.env.TOPICFORM_SHARED_DIR);

let terraformRequirementCache: Requirement | undefined;

/** terraform (>= 1.11) on PATH, on a platform that can start the provider double. Probed once per test file. */
export function terraformRequirement(): Requirement {
  if (terraformRequirementCache === undefined) {
    const probe = terraformAvailable();
    terraformRequirementCache = { kind: 'terraform', needs: 'terraform >= 1.11 on PATH', missing: probe.ok ? undefined : probe.reason };
  }
  return terraformRequirementCache;
}

/** Files or folders under ../shared (paths relative to it); missing when any of them is absent. */
export function sharedRequirement(...paths: readonly string[]): Requirement {
  const absent = paths.filter((p) => !existsSync(join(SHARED_ROOT, p)));
  const needs = paths.map((p) => `../shared/${p}`).join(', ');
  return {
    kind: 'shared',
    needs,
    missing:
      absent.length === 0
        ? undefined
        : `${absent.map((p) => join(SHARED_ROOT, p)).join(', ')} ${absent.length === 1 ? 'is' : 'are'} not there (the shared real-world samples live outside this repository)`,
  };
}

/** Why a test would be skipped here: the requirement is missing and strict mode is off. */
function skipping(requirement: Requirement): boolean {
  return requirement.missing !== undefined && !strictFor(requirement);
}

function strictFailure(requirement: Requirement, title: string): Error {
  return new Error(
    `${STRICT_VARIABLE}=${process.env[STRICT_VARIABLE] ?? ''}: "${title}" needs ${requirement.needs}, which is missing here: ${requirement.missing ?? '?'}`,
  );
}

/** The title, with ` [skipped: <reason>]` appended when the tests under it are skipped here. */
export function titleNeeding(requirement: Requirement, title: string): string {
  return skipping(requirement) ? `${title} [skipped: ${requirement.missing ?? ''}]` : title;
}

/**
 * describe() whose tests need `requirement`. Present: an ordinary describe. Missing: skipped, the reason in its title
 * and on the console; in strict mode a describe with one failing test that names what is missing, and the body is
 * not collected (it may read what is not there).
 */
export function describeNeeding(requirement: Requirement, title: string, body: () => void): void {
  if (requirement.missing === undefined) {
    describe(title, body);
  } else if (strictFor(requirement)) {
    describe(title, () => {
      it(`needs ${requirement.needs}`, () => {
        throw strictFailure(requirement, title);
      });
    });
  } else {
    console.warn(`skipping "${title}": ${requirement.missing}`);
    describe.skip(titleNeeding(requirement, title), body);
  }
}

/**
 * The `it` for single tests that need `requirement` beside tests that do not: `it` when it is present, `it.skip`
 * when it is missing (put `titleNeeding` in the title), and in strict mode an `it` whose every test fails, naming
 * what is missing, before its body runs (an automatic fixture). `.each` works on all three.
 */
export function itNeeding(requirement: Requirement): ItNeeding {
  if (requirement.missing === undefined || !strictFor(requirement)) return it.skipIf(requirement.missing !== undefined);
  return it
    .extend<{ requirement: undefined }>({
      requirement: [({ task }) => Promise.reject(strictFailure(requirement, task.name)), { auto: true }],
    })
    .skipIf(false);
}

/** `it`, skipped or not: what `itNeeding` returns. */
export type ItNeeding = ReturnType<typeof it.skipIf>;
