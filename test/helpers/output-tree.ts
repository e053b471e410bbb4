/**
 * Whole-output comparisons for the tests of synth's commit: a digest of every file (path and bytes) and folder under an
 * output, terraform's files included, and the siblings synth may leave beside it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Every file (with a hash of its bytes) and folder under `root`, sorted; empty when `root` does not exist. */
export function treeEntries(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        out.push(`${path}/`);
        walk(join(dir, entry.name), `${path}/`);
      } else {
        out.push(
          `${path} ${createHash('sha256')
            .update(readFileSync(join(dir, entry.name)))
            .digest('hex')
            .slice(0, 16)}`,
        );
      }
    }
  };
  walk(root, '');
  return out;
}

/** One checksum of the whole output: paths, folders and bytes. */
export function treeDigest(root: string): string {
  return createHash('sha256').update(treeEntries(root).join('\n')).digest('hex');
}

/** What synth keeps beside an output (its lock, run folders, staging folders of older versions). */
export function outputSiblings(target: string): string[] {
  const name = basename(target);
  return readdirSync(dirname(target))
    .filter((n) => n !== name && n.includes(name))
    .sort();
}

/** Files terraform keeps in stack folders, planted so that a test can see they survive every commit. */
export const TERRAFORM_FILES: Readonly<Record<string, string>> = {
  'stacks/dev/.terraform/providers/marker': 'terraform owns this\n',
  'stacks/dev/.terraform.lock.hcl': '# lock\n',
  'stacks/prod-search/.terraform/terraform.tfstate': '{"backend":"local"}\n',
  'stacks/prod-search/.terraform.lock.hcl': '# lock\n',
};
