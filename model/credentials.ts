/**
 * Inline credentials in declared text. Declarations and environments are code reviewed in pull requests and copied into
 * Terraform JSON, docs and client configs, so a secret typed into any of their strings — a password in a backend URL,
 * a JAAS `password=`, a private key, a cloud or chat token — would be published. Every string value is checked (field
 * names are not), and a match is refused without showing the value.
 *
 * Only shapes that are credentials by construction are matched, so prose stays free: "no password: consumers use
 * mTLS" or an e-mail address are fine; `https://user@host` is not (a user name in a URL is how credentials get there).
 */
import { formatPath, type Issue } from './issues';

interface CredentialShape {
  /** What it looks like, for the message. */
  readonly what: string;
  readonly pattern: RegExp;
}

const SHAPES: readonly CredentialShape[] = [
  // RFC 3986 userinfo: scheme "://" userinfo "@" host.
  { what: 'a user name or password in a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^/?#\s@]+@[^\s]/i },
  {
    what: 'a password, secret, token or key assigned inline',
    pattern:
      /\b(?:pass(?:word|wd)?|pwd|secret|client[_-]?secret|token|api[_-]?key|access[_-]?key|secret[_-]?key|private[_-]?key|credentials?)\s*=\s*["']?[^\s"',;&]{3,}/i,
  },
  { what: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  // AWS access key ids (AKIA: long-term, ASIA: temporary), GitHub and Slack tokens, JSON Web Tokens.
  { what: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}\b/ },
  { what: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { what: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\./ },
];

/** Characters every shape needs one of: most strings (names, durations) are passed over with one cheap test. */
const MAYBE = /[@=]|-----BEGIN|AKIA|ASIA|gh[pousr]_|xox|eyJ/;

/** What the credential in `text` looks like, or undefined. */
export function inlineCredential(text: string): string | undefined {
  if (!MAYBE.test(text)) return undefined;
  return SHAPES.find((shape) => shape.pattern.test(text))?.what;
}

export interface CredentialFinding {
  readonly issue: Issue;
  /** The offending value, so that other messages can be kept from echoing it. Never printed. */
  readonly value: string;
}

/**
 * Every string value under `value` that looks like a credential, as an issue at its field path (`backend.address`,
 * `config["compression.type"]`). `skip` names top-level fields not to look into (a declaration's `source`).
 */
export function findInlineCredentials(value: unknown, skip: readonly string[] = ['source']): CredentialFinding[] {
  const found: CredentialFinding[] = [];
  // One path, extended and shortened as the walk goes: a copy per value was most of the walk's cost on large inputs.
  const path: PropertyKey[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      const what = inlineCredential(node);
      if (what !== undefined) {
        found.push({
          value: node,
          issue: {
            path: formatPath(path),
            code: 'inline-credential',
            message: `looks like an inline credential (${what}); the value is not shown`,
            hint: 'declare no secrets: terraform and the clients read them from their own environment variables or secret stores',
          },
        });
      }
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        path.push(i);
        walk(item);
        path.pop();
      });
      return;
    }
    if (typeof node === 'object' && node !== null) {
      // Object.keys, not Object.entries: the same fields in the same order, without a [key, value] array for each.
      for (const key of Object.keys(node)) {
        if (path.length === 0 && skip.includes(key)) continue;
        path.push(key);
        walk((node as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  walk(value);
  return found;
}

/** The text with every one of `secrets` replaced by `<redacted>`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret !== '' && out.includes(secret)) out = out.split(secret).join('<redacted>');
  return out;
}
