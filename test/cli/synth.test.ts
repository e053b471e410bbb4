import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App, type IConstruct } from '../../constructs/cdktf';
import { Domain, KafkaEnvironment, Replay } from '../../constructs';
import { buildApp } from '../../main';
import { environments } from '../../environments';
import { domains } from '../../topics';
import { synthesize } from '../../cli/synth';
import { readTree } from '../helpers/tree';

const ROOT = resolve(__dirname, '..', '..');
const temporaryDirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'topicform-synth-'));
  temporaryDirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The examples' app with domains and environments declared in reverse order. */
function buildReversedApp(outdir: string): App {
  const app = new App({ outdir, stackTraces: false });
  for (const environment of [...environments].reverse()) {
    const env = new KafkaEnvironment(app, environment.name, { environment });
    for (const name of Object.keys(domains).sort().reverse()) domains[name]?.(env);
  }
  return app;
}

describe('synth', () => {
  it('writes each stack, its topology and the manifest', () => {
    const out = join(tempDir(), 'cdktf.out');
    const result = synthesize(buildApp, out);
    expect(result.ok).toBe(true);
    // docs/ and clients/ are checked in test/artifacts; here the stacks, the manifest, the event schemas and the portal files.
    expect(Object.keys(readTree(out)).filter((f) => !f.startsWith('docs/') && !f.startsWith('clients/'))).toEqual([
      // The msk environment's MSK IAM policy per principal (docs/msk-iam.md).
      'iam/msk/catalog-service.json',
      'iam/msk/notification-service.json',
      'iam/msk/order-service.json',
      'iam/msk/order-totals.json',
      'iam/msk/payment-service.json',
      'iam/msk/search-connect.json',
      'iam/msk/search-document-sink.json',
      'iam/msk/search-indexer.json',
      'manifest.json',
      'portal/catalog-info.yaml',
      'portal/orders/asyncapi.yaml',
      'portal/orders/catalog-info.yaml',
      'portal/search/asyncapi.yaml',
      'portal/search/catalog-info.yaml',
      'schemas/confluent/orders.order-created.json',
      'schemas/confluent/search.document-changed.json',
      'schemas/dev/orders.order-created.json',
      'schemas/dev/search.document-changed.json',
      'schemas/msk/orders.order-created.json',
      'schemas/msk/search.document-changed.json',
      'schemas/prod/orders.order-created.json',
      'schemas/prod/search.document-changed.json',
      'schemas/staging/staging.orders.order-created.json',
      'schemas/staging/staging.search.document-changed.json',
      'stacks/confluent/cdk.tf.json',
      'stacks/confluent/topology.json',
      'stacks/dev/cdk.tf.json',
      'stacks/dev/topology.json',
      'stacks/msk/cdk.tf.json',
      'stacks/msk/topology.json',
      'stacks/prod-orders/cdk.tf.json',
      'stacks/prod-orders/topology.json',
      'stacks/prod-search/cdk.tf.json',
      'stacks/prod-search/topology.json',
      'stacks/staging/cdk.tf.json',
      'stacks/staging/topology.json',
    ]);
  });

  it('detaches every construct from its parent once the stacks are written, so the artifacts run without the tree', () => {
    // cdktf's token map is global and keeps each stack, and through its scope the environment and every declaration:
    // only cutting every parent-child link lets the garbage collector take the tree (~45 MB live at 10,000 topics).
    let constructs: IConstruct[] = []; // the declarations, as built (stacks and resources come later, from render)
    const result = synthesize(
      (outdir) => {
        const app = buildApp(outdir);
        constructs = app.node.findAll();
        return app;
      },
      join(tempDir(), 'cdktf.out'),
    );

    expect(result.ok).toBe(true);
    expect(constructs.length).toBeGreaterThan(20);
    expect(constructs.filter((c) => c.node.children.length > 0).map((c) => c.node.path)).toEqual([]);
  });

  it('is byte-identical across runs and rewrites nothing the second time', () => {
    const out = join(tempDir(), 'cdktf.out');
    synthesize(buildApp, out);
    const first = readTree(out);
    const again = synthesize(buildApp, out);
    expect(again.written).toEqual([]);
    expect(readTree(out)).toEqual(first);
  });

  it('is byte-identical whatever the declaration order of domains and environments', () => {
    const a = join(tempDir(), 'cdktf.out');
    const b = join(tempDir(), 'cdktf.out');
    synthesize(buildApp, a);
    synthesize(buildReversedApp, b);
    expect(readTree(b)).toEqual(readTree(a));
  });

  it('writes no absolute path and nothing machine-specific', () => {
    const base = tempDir();
    const out = join(base, 'cdktf.out');
    synthesize(buildApp, out);
    for (const [file, content] of Object.entries(readTree(out))) {
      expect(content, file).not.toContain(base);
      expect(content, file).not.toContain(ROOT);
      expect(content, file).not.toMatch(/"\/(root|home|tmp|work|Users)\//);
    }
  });

  it('keeps state outside the generated tree with a relative local backend path', () => {
    const out = join(tempDir(), 'cdktf.out');
    synthesize(buildApp, out);
    const json = JSON.parse(readFileSync(join(out, 'stacks', 'prod-orders', 'cdk.tf.json'), 'utf8')) as { terraform: { backend: { local: { path: string } } } };
    expect(json.terraform.backend.local.path).toBe('../../../terraform.prod-orders.tfstate');
    expect(resolve(out, 'stacks', 'prod-orders', json.terraform.backend.local.path).startsWith(out)).toBe(false);
  });

  it('fails when a declaration is invalid, writes nothing and leaves earlier output and terraform files untouched', () => {
    const out = join(tempDir(), 'cdktf.out');
    synthesize(buildApp, out);
    const terraformDir = join(out, 'stacks', 'dev', '.terraform');
    mkdirSync(terraformDir);
    writeFileSync(join(terraformDir, 'marker'), 'terraform owns this');
    writeFileSync(join(out, 'stacks', 'dev', '.terraform.lock.hcl'), '# lock');
    const before = readTree(out);

    const broken = (outdir: string): App => {
      const app = buildApp(outdir);
      // prod is valid up to here; break it so that dev (synthesized first by cdktf) would otherwise be written
      const prod = app.node.findChild('prod') as KafkaEnvironment;
      new Domain(prod, 'billing', { owner: '@acme/billing', description: 'Invoices' }).addEventTopic('invoice-issued', {
        eventTypes: ['InvoiceIssued'],
        partitions: 0,
        replay: Replay.window('3d'),
        ordering: 'none',
      });
      return app;
    };
    const result = synthesize(broken, out);
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/test\/cli\/synth\.test\.ts:\d+ › billing\/invoice-issued › partitions: .*\[prod\]/);
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(tempDirParent(out)).filter((n) => n.includes('staging'))).toEqual([]);
  });

  it('removes only the generated files of a stack that is no longer declared', () => {
    const out = join(tempDir(), 'cdktf.out');
    synthesize(buildApp, out);
    const oldStack = join(out, 'stacks', 'staging');
    mkdirSync(join(oldStack, '.terraform'), { recursive: true });
    writeFileSync(join(oldStack, 'cdk.tf.json'), '{}');
    writeFileSync(join(oldStack, 'topology.json'), '{}');
    writeFileSync(join(oldStack, '.terraform.lock.hcl'), '# lock');
    const result = synthesize(buildApp, out);
    expect(result.written).toEqual(['stacks/staging/cdk.tf.json', 'stacks/staging/topology.json'].map((f) => f.split('/').join(sep)));
    expect(existsSync(join(oldStack, '.terraform.lock.hcl'))).toBe(true);
    expect(existsSync(join(oldStack, '.terraform'))).toBe(true);
  });
});

describe('npm run synth (main.ts as a process)', () => {
  it('synthesizes the examples and exits 0', () => {
    const out = join(tempDir(), 'out');
    const stdout = execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, CDKTF_OUTDIR: out },
      encoding: 'utf8',
    });
    expect(stdout).toMatch(/synthesized 6 stack\(s\) \[confluent, dev, msk, prod-orders, prod-search, staging\]/);
    expect(existsSync(join(out, 'stacks', 'prod-orders', 'cdk.tf.json'))).toBe(true);
  });
});

function tempDirParent(out: string): string {
  return resolve(out, '..');
}
