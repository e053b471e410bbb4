/**
 * YAML for the portal files: YAML 1.2 (what Backstage and the AsyncAPI tools read), no line folding (a long
 * description stays one line, so a diff shows what changed), no anchors or aliases (every value is written where it
 * is used), keys in the order the renderer built them.
 */
import { stringify } from 'yaml';
import { GENERATED_NOTICE } from '../marker';

export function portalYaml(document: unknown): string {
  return stringify(document, { version: '1.2', lineWidth: 0, aliasDuplicateObjects: false, indent: 2 });
}

/** One YAML file: the generated notice as a comment, then the documents, `---` between them. */
export function portalFile(documents: readonly unknown[], what: string): string {
  return [`# ${GENERATED_NOTICE}`, `# ${what}`, documents.map(portalYaml).join('---\n')].join('\n');
}
