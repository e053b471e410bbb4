/**
 * scrubPlan(plan JSON) → the same plan with every sensitive value replaced: what `terraform show -json <planfile>`
 * writes in clear although the plan marks it sensitive. Terraform's JSON plan carries a value's sensitivity beside it
 * (`before_sensitive` / `after_sensitive` for changes and drift, `sensitive_values` for planned and prior state, the
 * variable declarations' `sensitive` for `variables`); the values themselves are in clear. CI uploads only the
 * scrubbed plan. Defence in depth: any literal secret the caller names (the values of the CI's secret environment
 * variables) is replaced wherever it appears in a string.
 */
import { isObject } from '../model/json-object';
import { PROVIDER_SECRET_ATTRIBUTES } from '../model/schema/auth';

/** What a sensitive value becomes. */
export const REDACTED = '(sensitive value removed by topicform plan scrub)';

/** Literal secrets shorter than this are not searched for: too short to be a credential, too likely to match text. */
export const MIN_SECRET_LENGTH = 6;

export interface ScrubResult {
  readonly plan: unknown;
  /** How many values were replaced. */
  readonly removed: number;
}

export function scrubPlan(plan: unknown, secrets: readonly string[] = []): ScrubResult {
  let removed = 0;
  const redact = (): string => {
    removed++;
    return REDACTED;
  };

  /** `value` with every position that `mask` marks true replaced. */
  const masked = (value: unknown, mask: unknown): unknown => {
    if (mask === true) return value === null || value === undefined ? value : redact();
    if (Array.isArray(value) && Array.isArray(mask)) return value.map((v, i) => masked(v, mask[i]));
    if (isObject(value) && isObject(mask)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, mask[k])]));
    return value;
  };

  const root = structuredClone(plan);
  if (!isObject(root)) return { plan: root, removed };

  // Variables declared sensitive, from the configuration (the root module's).
  const configuration = isObject(root.configuration) ? root.configuration : {};
  const rootModule = isObject(configuration.root_module) ? configuration.root_module : {};
  const declared = isObject(rootModule.variables) ? rootModule.variables : {};
  const sensitiveVariables = new Set(
    Object.entries(declared)
      .filter(([, d]) => isObject(d) && d.sensitive === true)
      .map(([name]) => name),
  );
  for (const [name, d] of Object.entries(declared)) {
    if (sensitiveVariables.has(name) && isObject(d) && d.default !== undefined) d.default = redact();
  }
  if (isObject(root.variables)) {
    for (const [name, v] of Object.entries(root.variables)) if (sensitiveVariables.has(name) && isObject(v) && v.value !== undefined) v.value = redact();
  }

  // Changes and drift: before/after with their masks.
  for (const key of ['resource_changes', 'resource_drift']) {
    const list = root[key];
    if (!Array.isArray(list)) continue;
    for (const rc of list) {
      if (!isObject(rc) || !isObject(rc.change)) continue;
      const c = rc.change;
      c.before = masked(c.before, c.before_sensitive);
      c.after = masked(c.after, c.after_sensitive);
    }
  }
  if (isObject(root.output_changes)) {
    for (const c of Object.values(root.output_changes)) {
      if (!isObject(c)) continue;
      c.before = masked(c.before, c.before_sensitive);
      c.after = masked(c.after, c.after_sensitive);
    }
  }

  // Planned and prior state: module trees of resources with `sensitive_values`, and outputs.
  const stateValues = (values: unknown): void => {
    if (!isObject(values)) return;
    if (isObject(values.outputs)) {
      for (const o of Object.values(values.outputs)) if (isObject(o) && o.sensitive === true && o.value !== undefined) o.value = redact();
    }
    const walk = (module: unknown): void => {
      if (!isObject(module)) return;
      if (Array.isArray(module.resources)) for (const r of module.resources) if (isObject(r)) r.values = masked(r.values, r.sensitive_values);
      if (Array.isArray(module.child_modules)) module.child_modules.forEach(walk);
    };
    walk(values.root_module);
  };
  stateValues(root.planned_values);
  if (isObject(root.prior_state)) stateValues(root.prior_state.values);

  // Provider configuration written as literals for a secret setting (the guard refuses them; scrub anyway).
  if (isObject(configuration.provider_config)) {
    for (const p of Object.values(configuration.provider_config)) {
      if (!isObject(p) || !isObject(p.expressions)) continue;
      for (const attribute of PROVIDER_SECRET_ATTRIBUTES) {
        const e = p.expressions[attribute];
        if (isObject(e) && e.constant_value !== undefined) e.constant_value = redact();
      }
    }
  }

  const literal = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
  const scrubbed =
    literal.length === 0
      ? root
      : replaceStrings(root, (s) => {
          let out = s;
          for (const secret of literal) {
            if (out.includes(secret)) {
              out = out.split(secret).join(REDACTED);
              removed++;
            }
          }
          return out;
        });
  return { plan: scrubbed, removed };
}

function replaceStrings(value: unknown, replace: (s: string) => string): unknown {
  if (typeof value === 'string') return replace(value);
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, replace));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [replace(k), replaceStrings(v, replace)]));
  return value;
}
