/**
 * Process environment variables set for one test and put back after it: terraform and synth read credentials and
 * provider settings from the environment, and one test's must not leak into the next.
 */
import { afterEach } from 'vitest';

/** Registers the restore in the calling file and returns the setter; `undefined` removes a variable for the test. */
export function processEnvPerTest(): (values: Readonly<Record<string, string | undefined>>) => void {
  const saved = new Map<string, string | undefined>();
  afterEach(() => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    saved.clear();
  });
  return (values) => {
    for (const [k, v] of Object.entries(values)) {
      if (!saved.has(k)) saved.set(k, process.env[k]);
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
