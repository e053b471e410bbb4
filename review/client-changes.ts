/**
 * "Client config changes — redeploy": the generated client configs (artifacts/client-config.ts, written under
 * clients/<environment>/<service>/) of both outputs, compared key by key. A change there reaches no cluster through
 * terraform: the service runs with its old settings until it is redeployed, so review names every service and key.
 *
 * A changed profile is also a `client-config-changed` finding (WARN) on its consumer group or producer, which takes
 * in the `declaration-changed` finding of the same declaration: one change, one verdict. A profile added or removed
 * is listed in the section; its group's `group-added` / `group-removed` finding judges it.
 */
import { deriveClients } from '../artifacts/client-config';
import type { ServiceClients, Setting } from '../artifacts/client-config';
import { humanize } from './humanize';
import { originOf } from './origin';
import type { Environments } from './sections';
import { subjectKey } from './subject';
import type { ClientConfigChange, ClientSettingChange, Finding, Row, Snapshot, Subject } from './types';

/** Every client profile whose settings differ between the outputs, per environment present in both or either. */
export function clientConfigChanges(base: Environments, head: Environments): ClientConfigChange[] {
  const out: ClientConfigChange[] = [];
  for (const name of [...new Set([...base.keys(), ...head.keys()])].sort(compare)) {
    const b = base.get(name);
    const h = head.get(name);
    // An environment new or gone: its whole configs are new or gone, which its stack's findings already say.
    if (b === undefined || h === undefined) continue;
    const before = profiles(deriveClients(b.topology));
    const after = profiles(deriveClients(h.topology));
    // Tens of thousands of profiles at 10,000 topics, nearly all unchanged: only the changed ones are sorted.
    const changed: Array<{ key: string; was: Profile | undefined; now: Profile | undefined; settings: ClientSettingChange[] }> = [];
    const consider = (key: string, was: Profile | undefined, now: Profile | undefined): void => {
      if (was !== undefined && now !== undefined && sameSettings(was.settings, now.settings)) return;
      const settings = settingChanges(was?.settings ?? [], now?.settings ?? []);
      if (settings.length > 0) changed.push({ key, was, now, settings });
    };
    for (const [key, was] of before) consider(key, was, after.get(key));
    for (const [key, now] of after) if (!before.has(key)) consider(key, undefined, now);
    for (const { was, now, settings } of changed.sort((x, y) => compare(x.key, y.key))) {
      const any = now ?? was;
      if (any === undefined) continue;
      const stacks = now === undefined ? b.stacks : h.stacks;
      const stack =
        stacks.find((s) =>
          any.subject.kind === 'group' ? s.declared.groups.has(any.subject.groupId) : [...s.declared.producers.values()].some((p) => p.service === any.service),
        )?.stack ?? name;
      out.push({
        environment: name,
        production: h.topology.environment.production,
        stack,
        service: any.service,
        principal: any.principal,
        profile: any.profile,
        subject: any.subject,
        status: was === undefined ? 'added' : now === undefined ? 'removed' : 'changed',
        settings,
      });
    }
  }
  return out;
}

interface Profile {
  readonly service: string;
  readonly principal: string;
  readonly profile: string;
  readonly subject: Subject;
  readonly settings: readonly Setting[];
}

/** Every profile by service, principal and profile name; keys made with join(), flat strings (review/parse.ts ParsedAcl). */
function profiles(clients: readonly ServiceClients[]): Map<string, Profile> {
  const out = new Map<string, Profile>();
  for (const c of clients) {
    for (const p of c.consumers) {
      out.set([c.service, c.principal, `consumer ${p.groupId}`].join('\u0000'), {
        service: c.service,
        principal: c.principal,
        profile: `consumer ${p.groupId}`,
        subject: { kind: 'group', groupId: p.groupId },
        settings: p.settings,
      });
    }
    for (const p of c.producers) {
      const topic = p.topics[0] ?? '';
      out.set([c.service, c.principal, p.name].join('\u0000'), {
        service: c.service,
        principal: c.principal,
        profile: p.name,
        subject: { kind: 'producer', service: c.service, topic },
        settings: p.settings,
      });
    }
  }
  return out;
}

/** The same settings in the same order: no change, decided without building settingChanges' maps. */
function sameSettings(before: readonly Setting[], after: readonly Setting[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    if (before[i]?.key !== after[i]?.key || before[i]?.value !== after[i]?.value) return false;
  }
  return true;
}

function settingChanges(before: readonly Setting[], after: readonly Setting[]): ClientSettingChange[] {
  const was = new Map(before.map((s) => [s.key, s.value]));
  const now = new Map(after.map((s) => [s.key, s.value]));
  const out: ClientSettingChange[] = [];
  for (const key of [...new Set([...was.keys(), ...now.keys()])]) {
    const b = was.get(key) ?? null;
    const a = now.get(key) ?? null;
    if (b !== a) out.push({ key, before: b, after: a });
  }
  return out;
}

/** `max.poll.interval.ms 150000 (2m 30s) → 30000 (30s)`: one setting in words. */
export function describeSetting(c: ClientSettingChange): string {
  const show = (v: string | null): string => (v === null ? '(not set)' : humanize(c.key, v));
  return `${c.key} ${show(c.before)} → ${show(c.after)}`;
}

/**
 * The findings with a `client-config-changed` WARN for every changed profile, each taking in the
 * `declaration-changed` finding of its declaration in the same stack (its rows and, as the cause, its fields).
 */
export function withClientFindings(
  findings: readonly Finding[],
  changes: readonly ClientConfigChange[],
  context: { readonly base: Snapshot; readonly head: Snapshot },
): Finding[] {
  const out = [...findings];
  for (const c of changes) {
    if (c.status !== 'changed') continue;
    const stack = context.head.stacks.get(c.stack) ?? context.base.stacks.get(c.stack);
    if (stack === undefined) continue;
    const declaredId = `${c.stack}/${subjectKey(c.subject)}/declaration-changed`;
    const at = out.findIndex((f) => f.id === declaredId);
    const declared = at < 0 ? undefined : out[at];
    const id = `${c.stack}/${subjectKey(c.subject)}/client-config-changed`;
    if (out.some((f) => f.id === id)) continue;
    const rows: Row[] = [
      ...(declared?.rows ?? []),
      ...c.settings.map((s) => ({ key: `client ${s.key}`, current: s.before ?? '(not set)', new: s.after ?? '(not set)' })),
    ];
    const cause = declared === undefined ? undefined : `because ${declared.rows.map((r) => `${r.key} ${r.current} → ${r.new}`).join(', ')}`;
    const keys = c.settings.map((s) => s.key);
    const finding: Finding = {
      id,
      verdict: 'WARN',
      rule: 'client-config-changed',
      subject: c.subject,
      environment: stack.environment.name,
      production: stack.environment.production,
      stack: c.stack,
      title: `client config of ${c.service} (${c.profile}) changes: ${keys.join(', ')}`,
      reason: `the generated client config (clients/${c.environment}/) changes: ${c.settings.map(describeSetting).join('; ')}; terraform does not deploy it: ${c.service} runs with its old settings until it is redeployed with the new ones`,
      before: c.settings.length === 1 ? `${c.settings[0]?.key ?? ''}: ${c.settings[0]?.before ?? '(not set)'}` : '—',
      after: c.settings.length === 1 ? (c.settings[0]?.after ?? '(not set)') : `${keys.length} settings changed`,
      rows,
      plan: [],
      fix: `redeploy ${c.service}`,
      origin: originOf(c.subject, 'client-config-changed', c.stack, context.head.stacks.get(c.stack), context.base.stacks.get(c.stack)),
      ...(cause === undefined ? {} : { cause }),
    };
    if (declared === undefined) out.push(finding);
    else out[at] = finding;
  }
  return out;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
