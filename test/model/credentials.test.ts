/**
 * Inline credentials in declared text (model/credentials.ts): every shape the docs promise to refuse is refused, the
 * near misses a declaration legitimately contains (prose, e-mail addresses, public keys, short or empty assignments)
 * pass, the issue points at the field without showing the value, and messages are scrubbed of found secrets.
 * Mutation testing found these patterns covered only through the CLI fuzz test, which checks that nothing leaks, not
 * which shapes are caught.
 */
import { describe, expect, it } from 'vitest';

import { findInlineCredentials, inlineCredential, redact } from '../../model/credentials';

const URL_CREDENTIAL = 'a user name or password in a URL';
const ASSIGNED = 'a password, secret, token or key assigned inline';
const PRIVATE_KEY = 'a private key';
const AWS = 'an AWS access key id';
const GITHUB = 'a GitHub token';
const SLACK = 'a Slack token';
const JWT = 'a JSON Web Token';

// AWS's documented example key id (20 characters: AKIA and 16 more), not a live key.
const AWS_EXAMPLE_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const alnum = (length: number): string => 'a1B2c3D4e5'.repeat(Math.ceil(length / 10)).slice(0, length);

describe('inlineCredential: what is refused', () => {
  it.each([
    ['https://alice:s3cret@registry.example.com', URL_CREDENTIAL],
    ['HTTPS://alice@registry.example.com', URL_CREDENTIAL],
    ['kafka+ssl://alice@broker:9093', URL_CREDENTIAL],
    ['svc.v1://alice@host', URL_CREDENTIAL],
    ['my-app://alice@host', URL_CREDENTIAL],
    ['h2://alice@host', URL_CREDENTIAL],
    ['see s3://key@bucket for the dump', URL_CREDENTIAL],
  ])('a URL with user info: %s', (text, what) => {
    expect(inlineCredential(text)).toBe(what);
  });

  it.each([
    'password=hunter2',
    'passwd=hunter2',
    'pass=hunter2',
    'pwd=hunter2',
    'secret=abc',
    'client_secret=abc',
    'client-secret=abc',
    'clientsecret=abc',
    'token=abc',
    'api_key=abc',
    'api-key=abc',
    'apikey=abc',
    'access_key=abc',
    'accesskey=abc',
    'secret_key=abc',
    'secretkey=abc',
    'private-key=abc',
    'privatekey=abc',
    'credential=abc',
    'credentials=abc',
    'PASSWORD = abc',
    'password ="abc"',
    "password= 'abc'",
    'org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="alice-secret";',
  ])('an assignment: %s', (text) => {
    expect(inlineCredential(text)).toBe(ASSIGNED);
  });

  it.each(['-----BEGIN PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----\nMIIE', '-----BEGIN ENCRYPTED PRIVATE KEY-----'])('a private key: %s', (text) => {
    expect(inlineCredential(text)).toBe(PRIVATE_KEY);
  });

  it.each([AWS_EXAMPLE_KEY_ID, `ASIA${AWS_EXAMPLE_KEY_ID.slice(4)}`, `key ${AWS_EXAMPLE_KEY_ID} in prose`])('an AWS access key id: %s', (text) => {
    expect(inlineCredential(text)).toBe(AWS);
  });

  it.each(['ghp', 'gho', 'ghu', 'ghs', 'ghr'].flatMap((prefix) => [`${prefix}_${alnum(30)}`, `${prefix}_${alnum(36)}`]))('a GitHub token: %s', (text) => {
    expect(inlineCredential(text)).toBe(GITHUB);
  });

  it.each(['xoxa', 'xoxb', 'xoxp', 'xoxr', 'xoxs'].map((prefix) => `${prefix}-1234567890`).concat(['xoxb-1234-5678-abcdef']))('a Slack token: %s', (text) => {
    expect(inlineCredential(text)).toBe(SLACK);
  });

  it('a JSON Web Token', () => {
    expect(inlineCredential('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl')).toBe(JWT);
    expect(inlineCredential('Bearer eyJhbGci_-Oi.eyJzdWIi_-Oi.')).toBe(JWT);
  });
});

describe('inlineCredential: what passes', () => {
  it.each([
    // prose and addresses the docs keep free
    'no password: consumers use mTLS',
    'the token rotates daily; ask the platform team',
    'owner: payments@example.com',
    'https://registry.example.com/subjects',
    'orders.order-placed.v1',
    '7d',
    // a URL whose @ is not in the user info, or whose user info is empty or has a space
    'https://host/path@v2',
    'https://host?q=a@b',
    'https://host#a@b',
    'https://@host',
    'https://alice@ host',
    'see https://a b@c',
    // not a scheme: starts with a digit, or has no scheme at all
    '1ab://alice@host',
    'alice@host',
    // an assignment too short to be a secret, empty, cut by a separator, or not an assignment
    'password=ab',
    'password=',
    'password=""',
    'password=a,b,c',
    'password=a;b',
    'password=a&b',
    'password="a b"',
    "password='a'",
    'password: hunter2',
    'mypassword=hunter2',
    'token_count=12',
    // public material and other PEM blocks
    '-----BEGIN PUBLIC KEY-----',
    '-----BEGIN CERTIFICATE-----',
    '-----BEGIN OPENSSH KEY-----',
    // near-miss key ids and tokens
    AWS_EXAMPLE_KEY_ID.slice(0, 19),
    `${AWS_EXAMPLE_KEY_ID}X`,
    `X${AWS_EXAMPLE_KEY_ID}`,
    AWS_EXAMPLE_KEY_ID.toLowerCase(),
    `AKIA${AWS_EXAMPLE_KEY_ID.slice(4).toLowerCase()}`,
    `ghx_${alnum(36)}`,
    `ghp_${alnum(29)}`,
    `xghp_${alnum(36)}`,
    `ghp_${alnum(36)}_suffix`,
    `GHP_${alnum(36)}`,
    'xoxc-1234567890',
    'xoxb-123456789',
    'axoxb-1234567890',
    'eyJhbGciOi.eyJzdWIiOiIx.',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIi',
    'xeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig',
    'eyJhbGciOiJIUzI1NiJ9eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig',
  ])('%s', (text) => {
    expect(inlineCredential(text)).toBeUndefined();
  });
});

describe('findInlineCredentials', () => {
  it('reports each credential at its field path, without the value in the message or hint', () => {
    const declaration = {
      name: 'orders',
      backend: { address: 'https://alice:s3cret@state.example.com' },
      config: { 'compression.type': 'password=hunter2' },
      owners: ['team-a', 'token=abc123'],
      nested: [{ deep: { note: AWS_EXAMPLE_KEY_ID } }],
      count: 3,
      absent: null,
      flag: true,
    };
    const found = findInlineCredentials(declaration);
    expect(found.map((f) => [f.issue.path, f.value])).toEqual([
      ['backend.address', 'https://alice:s3cret@state.example.com'],
      ['config["compression.type"]', 'password=hunter2'],
      ['owners[1]', 'token=abc123'],
      ['nested[0].deep.note', AWS_EXAMPLE_KEY_ID],
    ]);
    for (const { issue, value } of found) {
      expect(issue.code).toBe('inline-credential');
      expect(issue.message).toMatch(/^looks like an inline credential \(.+\); the value is not shown$/);
      expect(issue.message).not.toContain(value);
      expect(issue.hint).toMatch(/environment variables or secret stores/);
    }
    expect(found[0]?.issue.message).toContain(URL_CREDENTIAL);
    expect(found[3]?.issue.message).toContain(AWS);
  });

  it('checks values, not field names, and finds nothing in a clean declaration', () => {
    expect(findInlineCredentials({ password: 'none: use mTLS', token: 'rotated', 'password=abc': 'x' })).toEqual([]);
    expect(findInlineCredentials('plain')).toEqual([]);
    expect(findInlineCredentials(undefined)).toEqual([]);
  });

  it('checks a bare string or list at the top, with an empty path', () => {
    expect(findInlineCredentials('password=hunter2').map((f) => f.issue.path)).toEqual(['']);
    expect(findInlineCredentials(['ok', 'password=hunter2']).map((f) => f.issue.path)).toEqual(['[1]']);
  });

  it("skips a declaration's top-level source by default, or the fields named, but not the same name deeper", () => {
    const declaration = { source: 'password=in-the-source-text', nested: { source: 'password=hunter2' } };
    expect(findInlineCredentials(declaration).map((f) => f.issue.path)).toEqual(['nested.source']);
    expect(findInlineCredentials(declaration, []).map((f) => f.issue.path)).toEqual(['source', 'nested.source']);
    expect(findInlineCredentials({ a: 'password=hunter2', b: 'token=abc' }, ['a']).map((f) => f.issue.path)).toEqual(['b']);
  });
});

describe('redact', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redact('bad value "pw=abc" (pw=abc)', ['pw=abc'])).toBe('bad value "<redacted>" (<redacted>)');
    expect(redact('pw=abc, then token=xyz', ['pw=abc', 'token=xyz'])).toBe('<redacted>, then <redacted>');
  });

  it('leaves text without the secrets, and ignores an empty secret', () => {
    expect(redact('nothing here', ['pw=abc'])).toBe('nothing here');
    expect(redact('abc', [''])).toBe('abc');
    expect(redact('abc', [])).toBe('abc');
  });
});
