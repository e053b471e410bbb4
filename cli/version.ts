import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The toolkit's own version, from its package.json. */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
