/**
 * Loads generated declaration files the way a user's repository would: written to a folder, imported as TypeScript
 * (vitest compiles them), and declared in a KafkaStack with the generated adopt list.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Construct } from 'constructs';
import { Testing } from '../../../constructs/cdktf';
import { KafkaStack, type AdoptedResources, type Domain } from '../../../constructs';
import type { GeneratedFile } from '../../../importer';
import type { EnvironmentInput } from '../../../model/schema';

/** The generated files import the constructs from here (an absolute path, so they load from any folder). */
export const CONSTRUCTS_MODULE = resolve(__dirname, '../../../constructs');

export interface LoadedImport {
  readonly dir: string;
  readonly domains: Readonly<Record<string, (scope: Construct) => Domain>>;
  readonly adopt: AdoptedResources;
  dispose(): void;
}

export async function loadGenerated(files: readonly GeneratedFile[], environment: string): Promise<LoadedImport> {
  const dir = mkdtempSync(join(tmpdir(), 'topicform-import-'));
  for (const f of files) {
    const target = join(dir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content);
  }
  const index = (await import(join(dir, 'topics', 'imported.ts'))) as { importedDomains: Record<string, (scope: Construct) => Domain> };
  const adoptFile = files.find((f) => f.path === `adopted/${environment}.json`);
  const adopt = adoptFile === undefined ? { topics: [], acls: [] } : (JSON.parse(adoptFile.content) as AdoptedResources);
  return { dir, domains: index.importedDomains, adopt, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Synthesizes declarers in one stack, with validations on; returns the Terraform JSON. */
export function synthDomains(
  declarers: ReadonlyArray<(scope: Construct) => Domain>,
  environment: EnvironmentInput,
  adopt?: AdoptedResources,
): Record<string, unknown> {
  const stack = new KafkaStack(Testing.app(), environment.name, { environment, ...(adopt === undefined ? {} : { adopt }) });
  for (const declare of declarers) declare(stack);
  return JSON.parse(Testing.synth(stack, true)) as Record<string, unknown>;
}

type Resources = Record<string, Record<string, unknown>>;

/** The kafka_topic and kafka_acl resources by address, without cdktf's metadata: what terraform compares. */
export function kafkaResources(json: Record<string, unknown>): { topics: Resources; acls: Resources } {
  const resource = (json.resource ?? {}) as Record<string, Resources>;
  const strip = (r: Resources | undefined): Resources =>
    Object.fromEntries(
      Object.entries(r ?? {})
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([address, body]) => [address, Object.fromEntries(Object.entries(body).filter(([k]) => k !== '//'))]),
    );
  return { topics: strip(resource.kafka_topic), acls: strip(resource.kafka_acl) };
}
