/**
 * YAML for the portal files: YAML 1.2 (what Backstage and the AsyncAPI tools read), no line folding (a long
 * description stays one line, so a diff shows what changed), no anchors or aliases (every value is written where it
 * is used), keys in the order the renderer built them.
 *
 * The `yaml` library defines the format; artifacts/portal/yaml-emitter.ts writes the same bytes several times faster
 * for the values it covers, and the library, loaded on first use, writes the rest.
 */
import type * as Yaml from 'yaml';
import { GENERATED_NOTICE } from '../marker';
import { emitYaml } from './yaml-emitter';

/** The library's options that define the portal files' format. */
export const PORTAL_YAML_OPTIONS = { version: '1.2', lineWidth: 0, aliasDuplicateObjects: false, indent: 2 } as const;

let library: typeof Yaml | undefined;

/** `stringify` of the `yaml` library with the portal options: what the emitter must equal. */
export function libraryYaml(document: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: a synth whose documents the emitter covers never loads its 72 modules
  library ??= require('yaml') as typeof Yaml;
  return library.stringify(document, PORTAL_YAML_OPTIONS);
}

export function portalYaml(document: unknown): string {
  return emitYaml(document) ?? libraryYaml(document);
}

/** One YAML file: the generated notice as a comment, then the documents, `---` between them. */
export function portalFile(documents: readonly unknown[], what: string): string {
  return [`# ${GENERATED_NOTICE}`, `# ${what}`, documents.map(portalYaml).join('---\n')].join('\n');
}
