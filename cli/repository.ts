/**
 * The repository facts lint's path rules need (rules/types.ts RepositoryFacts), read from the file system here so that
 * the rules stay pure. The repository root is the directory topicform runs in — where `main.ts` and `cdktf.json` are,
 * and where `cdktf synth` and `npm run synth` run the app — so declared paths are written relative to it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RepositoryFacts } from '../rules/types';

export function repositoryFacts(root: string = process.cwd()): RepositoryFacts {
  const known = new Map<string, boolean>();
  return {
    // Each environment lints the same domains: look each path up once.
    exists: (path) => {
      let found = known.get(path);
      if (found === undefined) known.set(path, (found = existsSync(join(root, ...path.split('/')))));
      return found;
    },
  };
}
