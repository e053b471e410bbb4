import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareStaging } from '../../cli/parallel-artifacts';
import { synthesize } from '../../cli/synth';
import { buildApp } from '../../main';
import { App } from '../../constructs/cdktf';
import { KafkaEnvironment } from '../../constructs';
import { readTree } from '../helpers/tree';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'topicform-parallel-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('artifacts rendered in a worker thread beside cdktf', () => {
  it('write the same files, byte for byte, as rendering them inline', () => {
    const inline = join(tempDir(), 'cdktf.out');
    const worker = join(tempDir(), 'cdktf.out');
    const a = synthesize(buildApp, inline, { artifacts: 'inline' });
    const b = synthesize(buildApp, worker, { artifacts: 'worker' });
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    const tree = readTree(worker);
    expect(tree).toEqual(readTree(inline));
    expect(b.written).toEqual(a.written);
    // The worker's part is there: client configs, docs and event schemas.
    for (const root of ['clients', 'docs', 'schemas']) expect(Object.keys(tree).some((f) => f.startsWith(`${root}/`) || f.startsWith(`${root}\\`))).toBe(true);
  });

  it('leave unchanged files alone on the next synth', () => {
    const out = join(tempDir(), 'cdktf.out');
    expect(synthesize(buildApp, out, { artifacts: 'worker' }).ok).toBe(true);
    const again = synthesize(buildApp, out, { artifacts: 'worker' });
    expect(again.ok).toBe(true);
    expect(again.written).toEqual([]);
  });

  it('are not waited for when synth stops before cdktf: the worker that got no request is stopped', () => {
    const out = join(tempDir(), 'cdktf.out');
    const broken = (outdir: string): App => {
      const app = new App({ outdir, stackTraces: false });
      new KafkaEnvironment(app, 'prod', { environment: { name: 'prod', production: true, replicationFactor: 0, minInsyncReplicas: 2 } });
      return app;
    };
    const result = synthesize(broken, out, { artifacts: 'worker' });
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/replicationFactor/);
    expect(existsSync(out)).toBe(false);
  });

  it.each(['worker', 'inline'] as const)('report a failure to stage (%s) as an error naming what failed', (mode) => {
    const dir = tempDir();
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, 'a file where the staging folder should go');
    // No topology to read: the docs index and capacity report are still written, into a folder that cannot be made.
    const staging = prepareStaging(mode);
    staging.start({ topologies: [], commit: [], stageDir: join(blocked, 'stage'), subset: false, environments: [] });
    expect(() => staging.finish()).toThrow(/generating client configs, docs and schemas failed: .*ENOTDIR/s);
  });

  it('let a worker that got its request end when synth fails, and wait for it', () => {
    const dir = tempDir();
    const staging = prepareStaging('worker');
    staging.start({ topologies: [], commit: [], stageDir: join(dir, 'stage'), subset: false, environments: [] });
    expect(() => staging.abandon()).not.toThrow();
    // The worker has replied: there is nothing left to finish, and stopping it again does nothing.
    expect(() => staging.finish()).toThrow('artifacts staging finished twice, or after it was abandoned');
    expect(() => staging.cancel()).not.toThrow();
  });
});
