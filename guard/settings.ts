/**
 * What of a stack reaches terraform besides its resources: the backend, the provider configuration (auth mechanism,
 * TLS, connection), the variables and the required providers. The guard refuses a pull request whose settings differ
 * from the base's; review reports each difference as BLOCK. Both compare the same flattened settings, so they cannot
 * disagree about what changed.
 */
import { isObject } from '../model/json-object';
import { COMMENT_KEY } from './allowlist';

export const SETTINGS_PARTS = ['backend', 'provider', 'variables', 'required-providers'] as const;
export type SettingsPart = (typeof SETTINGS_PARTS)[number];

/** Each part flattened to `key → JSON value`, e.g. `s3.bucket → "acme-tf"`, `kafka.tls_enabled → true`. */
export type StackSettings = Readonly<Record<SettingsPart, ReadonlyMap<string, string>>>;

export interface SettingChange {
  readonly part: SettingsPart;
  readonly key: string;
  /** JSON text, or null when the setting is absent on that side. */
  readonly before: string | null;
  readonly after: string | null;
}

/** The settings of a parsed cdk.tf.json (anything of another shape is flattened as it is: the guard refuses it). */
export function stackSettings(root: unknown): StackSettings {
  const json = isObject(root) ? root : {};
  const terraform = isObject(json.terraform) ? json.terraform : {};
  // `terraform.cloud` is not written by topicform, but it is where state would go: compare it with the backend.
  const backend = { ...(isObject(terraform.backend) ? terraform.backend : {}), ...(terraform.cloud === undefined ? {} : { cloud: terraform.cloud }) };
  return {
    backend: flatten(backend),
    provider: flatten(json.provider ?? {}),
    variables: flatten(json.variable ?? {}),
    'required-providers': flatten(terraform.required_providers ?? {}),
  };
}

/** Every setting that differs, by part, sorted by key. `rename` maps each side's stack name to `{stack}` first. */
export function diffSettings(before: StackSettings, after: StackSettings, rename?: { readonly before: string; readonly after: string }): SettingChange[] {
  const changes: SettingChange[] = [];
  for (const part of SETTINGS_PARTS) {
    const b = rename === undefined ? before[part] : normalize(before[part], rename.before);
    const a = rename === undefined ? after[part] : normalize(after[part], rename.after);
    for (const key of [...new Set([...b.keys(), ...a.keys()])].sort()) {
      const x = b.get(key) ?? null;
      const y = a.get(key) ?? null;
      if (x !== y) changes.push({ part, key, before: x, after: y });
    }
  }
  return changes;
}

/**
 * The base stack a head stack's settings are compared with: the base stack of the same name; for a stack new in the
 * head, the first (by name) base stack of its environment, so that a domain added under layout `domain` compares with
 * its siblings; none for a stack of an environment the base does not have. The guard and review both choose with
 * this, so they always compare with the same stack.
 */
export function settingsCounterpart<T extends { readonly stack: string }>(
  stack: string,
  environment: string | null,
  base: ReadonlyMap<string, T>,
  environmentOf: (s: T) => string | null,
): T | undefined {
  const same = base.get(stack);
  if (same !== undefined || environment === null) return same;
  return [...base.values()].filter((s) => environmentOf(s) === environment).sort((a, b) => (a.stack < b.stack ? -1 : a.stack > b.stack ? 1 : 0))[0];
}

/** Leaves as `a.b[0].c → JSON`; comment (`//`) keys are skipped, empty objects and arrays kept as leaves. */
function flatten(value: unknown): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) {
      // One provider block is written as a one-element array; its settings read better without the index.
      if (v.length === 1 && isObject(v[0]) && key !== '') return walk(v[0], key);
      if (v.length === 0) out.set(key, '[]');
      v.forEach((item, i) => walk(item, `${key}[${i}]`));
    } else if (isObject(v)) {
      const keys = Object.keys(v).filter((k) => k !== COMMENT_KEY);
      if (keys.length === 0 && key !== '') out.set(key, '{}');
      for (const k of keys) walk(v[k], key === '' ? k : `${key}.${k}`);
    } else {
      out.set(key, JSON.stringify(v) ?? 'null');
    }
  };
  walk(value, '');
  return out;
}

/** The stack's name in keys and values replaced by `{stack}`, so stacks of one environment compare equal. */
function normalize(settings: ReadonlyMap<string, string>, stack: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of settings) out.set(k, v.split(stack).join('{stack}'));
  return out;
}
