/**
 * The two CDK libraries topicform runs on (docs/runtimes.md), in one place for the build (the published peer range),
 * the cdktn CI leg (scripts/cdktn-leg.ts) and the docs test.
 *
 * - cdktf 0.21.0: archived upstream on 2025-12-10, its last release; this repository's package.json pins it.
 * - CDK Terrain (npm `cdktn`), the maintained fork with the same API, installed under the `cdktf` name by an npm alias,
 *   so that topicform's `require('cdktf')` and the generated provider bindings load it unchanged.
 */

/** The cdktf release this repository builds and tests with (package.json `dependencies.cdktf`). */
export const CDKTF_VERSION = '0.21.0';

export const CDKTN = {
  /** The CDK Terrain release the cdktn CI leg proves: the registry's latest (`npm view cdktn version`, 2026-12). */
  version: '0.24.0',
  /**
   * The constructs range cdktn 0.24.0 declares as its peer (`npm view cdktn@0.24.0 peerDependencies`); the cdktn leg
   * fails when the installed cdktn says otherwise. cdktf 0.21 resolves constructs 10.8.x, outside it, so switching
   * without this pin makes npm refuse the install.
   */
  constructs: '>=10.6.0 <10.8.0',
} as const;

/** What a repository's package.json says to run on CDK Terrain: `"cdktf": "npm:cdktn@<version>"`. */
export const CDKTN_ALIAS = `npm:cdktn@${CDKTN.version}`;

/**
 * The `cdktf` versions the published package accepts as a peer: cdktf 0.21.0, or CDK Terrain 0.24 behind the alias.
 * npm matches an aliased package by its own version (0.24.0), so a peer range of cdktf's versions alone makes
 * `npm install` refuse the alias (ERESOLVE); patch releases of the fork are accepted, as a maintained line's fixes.
 */
export const CDKTF_PEER_RANGE = `${CDKTF_VERSION} || ~${CDKTN.version}`;

/**
 * The switch from cdktf to CDK Terrain in a repository, as docs/runtimes.md shows it and the cdktn leg runs it: point
 * the `cdktf` dependency at the fork and pin `constructs` to the range the fork accepts, then install.
 */
export const SWITCH_TO_CDKTN: readonly string[] = [
  `npm pkg set 'dependencies.cdktf=${CDKTN_ALIAS}' 'dependencies.constructs=${CDKTN.constructs}'`,
  'npm install',
];
