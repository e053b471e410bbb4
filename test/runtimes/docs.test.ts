/**
 * docs/runtimes.md and the README's "cdktf and CDK Terrain" section say what CI runs: the switch commands the cdktn leg
 * runs word for word, the versions and ranges scripts/runtimes.ts holds, the Node.js lines .ci/run tests and the
 * `engines` range package.json and the scaffold declare.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CDKTN_TESTS } from '../../scripts/cdktn-leg';
import { CDKTF_PEER_RANGE, CDKTF_VERSION, CDKTN, CDKTN_ALIAS, SWITCH_TO_CDKTN } from '../../scripts/runtimes';

const ROOT = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const DOC = read('docs/runtimes.md');
const README = read('README.md');
const SECTION_START = README.indexOf('## cdktf and CDK Terrain');
const SECTION_END = README.indexOf('\n## ', SECTION_START + 1);
const SECTION = README.slice(SECTION_START, SECTION_END < 0 ? undefined : SECTION_END);
const CI = read('.ci/run');
const OWN = JSON.parse(read('package.json')) as { engines: { node: string }; dependencies: Record<string, string> };

/** The Node.js lines .ci/run tests: NEWEST_LTS=24 and the like. */
const ciLines = [...CI.matchAll(/^([A-Z_]+_LTS)=(\d+)\b/gm)].map((m) => Number(m[2]));

/** The ```sh blocks of a Markdown text, joined. */
const shell = (markdown: string): string => [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).join('');

describe('the runtimes docs', () => {
  it('show the switch to CDK Terrain as the cdktn leg runs it, in docs/runtimes.md and the README section', () => {
    expect(SECTION.startsWith('## cdktf and CDK Terrain')).toBe(true);
    for (const command of SWITCH_TO_CDKTN) {
      expect(shell(DOC), command).toContain(`${command}\n`);
      expect(shell(SECTION), command).toContain(`${command}\n`);
    }
    expect(SECTION).toContain('(docs/runtimes.md)');
  });

  it('give the versions and ranges scripts/runtimes.ts holds', () => {
    for (const text of [CDKTN_ALIAS, `cdktf ${CDKTF_VERSION}`, `\`${CDKTF_PEER_RANGE}\``, `\`${CDKTN.constructs}\``, `cdktn ${CDKTN.version}`]) {
      expect(DOC, text).toContain(text);
    }
  });

  it('name every test file the cdktn leg runs', () => {
    for (const path of CDKTN_TESTS) expect(DOC, path).toContain(`\`${path}`);
  });

  it('list each Node.js line .ci/run tests, all inside the engines range, which the scaffold shares', () => {
    expect(ciLines.length).toBeGreaterThanOrEqual(2);
    const floor = /^>=(\d+)\.(\d+)\.\d+$/.exec(OWN.engines.node);
    expect(floor, `engines.node ${OWN.engines.node}`).not.toBeNull();
    for (const line of ciLines) {
      expect(line, `Node.js ${line} is tested but below engines ${OWN.engines.node}`).toBeGreaterThanOrEqual(Number(floor?.[1]));
      expect(DOC, `Node.js ${line}`).toMatch(new RegExp(`^\\| ${line} \\| .* \\| supported`, 'm'));
    }
    expect(DOC).toContain(`\`engines\` says \`${OWN.engines.node}\``);
    const scaffold = JSON.parse(read('templates/package.json.tmpl')) as { engines: { node: string }; devDependencies: Record<string, string> };
    expect(scaffold.engines.node).toBe(OWN.engines.node);
    // The scaffold's Node.js types are those of the oldest line supported, so code that type-checks runs on all of them.
    expect(scaffold.devDependencies['@types/node']).toMatch(new RegExp(`^\\^${floor?.[1] ?? ''}\\.`));
  });

  it('describe this repository: it builds with cdktf, or with CDK Terrain behind the alias and its constructs pin (the cdktn leg)', () => {
    if (OWN.dependencies.cdktf === CDKTN_ALIAS) expect(OWN.dependencies.constructs).toBe(CDKTN.constructs);
    else expect(OWN.dependencies.cdktf).toBe(CDKTF_VERSION);
  });
});
