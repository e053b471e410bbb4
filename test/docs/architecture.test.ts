/**
 * ARCHITECTURE.md lets a reader place a change without searching (issue 24): its folder table names every top-level
 * folder and source file of the repository, and "Where a change belongs" answers each kind of change the issue names
 * with at least one file (not only a folder) to open. That the paths exist is checked by links.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const TEXT = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
const TOKENS = new Lexer({ gfm: true }).lex(TEXT);

/** The kinds of change issue 24 says a reader must be able to place, as ARCHITECTURE.md's paragraphs lead with them. */
const KINDS = ['A new lint rule.', 'A new declaration field.', 'A new Kafka default.', 'A change to synth'];

/** Top-level entries that are generated, installed or tooling configuration, not places a change goes. */
const NOT_PLACES = new Set(['node_modules', 'dist', 'cdktf.out', 'coverage', 'reports', '.stryker-tmp']);

/** Every inline code span inside `tokens`, wherever marked keeps it (paragraphs, list items, table cells). */
function codeSpans(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if (token.type === 'codespan') out.push((token as Tokens.Codespan).text);
    const t = token as Token & { tokens?: Token[]; items?: Token[]; header?: Array<{ tokens: Token[] }>; rows?: Array<Array<{ tokens: Token[] }>> };
    out.push(
      ...codeSpans([...(t.tokens ?? []), ...(t.items ?? []), ...(t.header ?? []).flatMap((c) => c.tokens), ...(t.rows ?? []).flat().flatMap((c) => c.tokens)]),
    );
  }
  return out;
}

/** The top-level tokens of the section under the H2 `heading`. */
function section(heading: string): Token[] {
  const start = TOKENS.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).depth === 2 && (t as Tokens.Heading).text === heading);
  if (start < 0) return [];
  const end = TOKENS.findIndex((t, i) => i > start && t.type === 'heading' && (t as Tokens.Heading).depth <= 2);
  return TOKENS.slice(start + 1, end < 0 ? undefined : end);
}

/** The blocks of a section that lead with bold text (`**A new lint rule.** …`), by that text: the paragraph and what follows it. */
function blocksByLead(tokens: readonly Token[]): Map<string, Token[]> {
  const blocks = new Map<string, Token[]>();
  let current: Token[] | undefined;
  for (const token of tokens) {
    const first = token.type === 'paragraph' ? (token as Tokens.Paragraph).tokens[0] : undefined;
    if (first?.type === 'strong') {
      current = [token];
      blocks.set((first as Tokens.Strong).text, current);
    } else {
      current?.push(token);
    }
  }
  return blocks;
}

const isFile = (path: string): boolean => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile();

describe('ARCHITECTURE.md', () => {
  it('names every top-level folder and source file in its folder table', () => {
    const table = section('Folders and their rules').find((t) => t.type === 'table');
    const named = new Set(codeSpans(table === undefined ? [] : [table]).map((span) => span.split('/')[0]));
    const entries = readdirSync(ROOT)
      .filter((name) => !name.startsWith('.') && !NOT_PLACES.has(name))
      .filter((name) => statSync(join(ROOT, name)).isDirectory() || /^[^.]+\.ts$/.test(name));
    expect(entries.filter((name) => !named.has(name))).toEqual([]);
  });

  it.each(KINDS)('places "%s" with at least one file to open', (kind) => {
    const block = blocksByLead(section('Where a change belongs')).get(kind);
    expect(block, `no paragraph leading with **${kind}**`).toBeDefined();
    const files = codeSpans(block ?? []).filter(isFile);
    expect(files.length).toBeGreaterThan(0);
  });

  it('sends a new declaration field to the checklist in CONTRIBUTING.md', () => {
    const block = blocksByLead(section('Where a change belongs')).get('A new declaration field.') ?? [];
    expect(JSON.stringify(block)).toContain('CONTRIBUTING.md#adding-a-declaration-field');
  });
});
