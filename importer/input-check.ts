/**
 * Is an input file what its option says it is? An empty file, a binary file or another tool's output is not something
 * to import around: the import stops and writes nothing, with one message per such file that names the file, what
 * was expected, and — where it can tell — what the file looks like and which option takes it.
 *
 * A file with some recognised content and some lines no parser understood is usable: those lines are reported as
 * "input not understood" by the snapshot, never dropped silently.
 */
import { parse as parseYaml } from 'yaml';

/** The options `topicform import` reads files from. */
export const INPUT_KINDS = ['topicsDescribe', 'kcat', 'configs', 'acls', 'kafkaGitops', 'julieops', 'topicctl'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

interface Expected {
  /** The command-line option. */
  readonly option: string;
  /** What the file must be, in the words of its tool. */
  readonly what: string;
  /** A line or key such a file has, to recognise it by. */
  readonly example: string;
}

export const EXPECTED: Readonly<Record<InputKind, Expected>> = {
  topicsDescribe: {
    option: '--topics-describe',
    what: 'kafka-topics.sh --describe output',
    example: 'lines like "Topic: orders.order-created\\tPartitionCount: 6\\tReplicationFactor: 3\\tConfigs: …"',
  },
  kcat: {
    option: '--kcat',
    what: 'kcat -L -J (or kcat -L) output',
    example: 'a JSON object with "brokers" and "topics", or lines like "Metadata for all topics (from broker 1: …):"',
  },
  configs: {
    option: '--configs',
    what: 'kafka-configs.sh --describe --entity-type topics output',
    example: 'lines like "Dynamic configs for topic orders.order-created are:" or "All configs for topic … are:"',
  },
  acls: {
    option: '--acls',
    what: 'kafka-acls.sh --list output',
    example: 'lines like "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=…, patternType=LITERAL)`:"',
  },
  kafkaGitops: {
    option: '--kafka-gitops',
    what: 'a kafka-gitops state file (YAML)',
    example: 'top-level "topics", "services", "users" or "customServiceAcls"',
  },
  julieops: { option: '--julieops', what: 'a JulieOps topology descriptor (YAML or JSON)', example: 'top-level "context" and "projects"' },
  topicctl: {
    option: '--topicctl',
    what: 'a topicctl topic or ACL config (YAML)',
    example: '"meta" with "name", and "spec" with "partitions" and "replicationFactor" (a topic) or "acls"',
  },
};

/**
 * What a text looks like, as far as the options go; undefined when nothing fits. `foreign` marks a format known to be
 * none of the options' (a terraform or kafka-gitops plan), which no reader should try.
 */
export function sniff(text: string): { readonly kind?: InputKind; readonly looksLike: string; readonly foreign?: true } | undefined {
  const trimmed = text.trimStart();
  if (/^Topic:\s*\S+\s.*PartitionCount:/m.test(text) || /^\s*Topic:\s*\S+\s+Partition:\s*\d/m.test(text)) {
    return { kind: 'topicsDescribe', looksLike: 'kafka-topics --describe output' };
  }
  if (/^(Current|Adding) ACLs for resource `/m.test(text)) return { kind: 'acls', looksLike: 'kafka-acls --list output' };
  if (/^(All |Dynamic )?configs for topic \S+ are:?/im.test(text) || /^Configs for topic '/m.test(text)) {
    return { kind: 'configs', looksLike: 'kafka-configs --describe output' };
  }
  if (/^Metadata for .*:\s*$/m.test(text)) return { kind: 'kcat', looksLike: 'kcat -L output' };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const doc = JSON.parse(text) as unknown;
      return structured(doc, 'JSON');
    } catch {
      return { looksLike: 'JSON that does not parse' };
    }
  }
  try {
    const doc = parseYaml(text) as unknown;
    if (typeof doc === 'object' && doc !== null) return structured(doc, 'YAML');
  } catch {
    // not YAML either
  }
  return undefined;
}

function structured(doc: unknown, syntax: 'JSON' | 'YAML'): { readonly kind?: InputKind; readonly looksLike: string; readonly foreign?: true } {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { looksLike: `${syntax} that is not an object` };
  const keys = new Set(Object.keys(doc));
  // kcat's metadata object; a jq projection may have dropped "topics" (or "brokers").
  if (syntax === 'JSON' && (keys.has('originating_broker') || keys.has('brokers') || (keys.has('topics') && keys.has('query')))) {
    return { kind: 'kcat', looksLike: 'kcat -L -J output' };
  }
  if (keys.has('context') && keys.has('projects')) return { kind: 'julieops', looksLike: 'a JulieOps topology descriptor' };
  if (keys.has('meta') && keys.has('spec')) return { kind: 'topicctl', looksLike: 'a topicctl config' };
  if (['topics', 'services', 'users', 'customServiceAcls', 'customUserAcls', 'settings'].some((k) => keys.has(k)) && syntax === 'YAML') {
    return { kind: 'kafkaGitops', looksLike: 'a kafka-gitops state file' };
  }
  if (keys.has('format_version') && (keys.has('resource_changes') || keys.has('planned_values'))) {
    return { looksLike: 'a terraform plan (terraform show -json)', foreign: true };
  }
  if (keys.has('topicPlans') || keys.has('aclPlans')) return { looksLike: 'a kafka-gitops plan (kafka-gitops plan -o), not its state file', foreign: true };
  if (keys.has('$schema') || keys.has('version')) {
    return {
      looksLike: `a ${syntax} document (top-level ${[...keys]
        .slice(0, 4)
        .map((k) => `"${k}"`)
        .join(', ')})`,
    };
  }
  return {
    looksLike: `${syntax} with top-level ${
      [...keys]
        .slice(0, 4)
        .map((k) => `"${k}"`)
        .join(', ') || 'nothing'
    }`,
  };
}

/**
 * Why a file given for `kind` cannot be imported, or undefined when it can. `recognised` is how many things the
 * parser for `kind` recognised in it (topics, ACLs, config blocks, skipped but known lines).
 */
export function unusableInput(kind: InputKind, file: string, text: string, recognised: number): string | undefined {
  const expected = EXPECTED[kind];
  const wanted = `expected ${expected.what} for ${expected.option} (${expected.example})`;
  if (text.trim() === '') return `${file} is empty; ${wanted}${kind === 'acls' ? '. A cluster without ACLs prints nothing: leave --acls out' : ''}`;
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    return `${file} is not text (it has ${text.includes('\u0000') ? 'NUL bytes' : 'bytes that are not UTF-8'}: a binary file?); ${wanted}`;
  }
  if (recognised > 0) return undefined;
  const looks = sniff(text);
  const hint =
    looks === undefined
      ? ''
      : looks.kind !== undefined && looks.kind !== kind
        ? `; it looks like ${looks.looksLike}: give it with ${EXPECTED[looks.kind].option}`
        : looks.kind === kind
          ? ''
          : `; it looks like ${looks.looksLike}`;
  return `${file} is not ${expected.what}: nothing in it is${kind === 'kafkaGitops' || kind === 'julieops' || kind === 'topicctl' ? ' a topic, service or ACL' : ` what ${expected.what.split(' ')[0]} prints`}${hint}; ${wanted}`;
}
