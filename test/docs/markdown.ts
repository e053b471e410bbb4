/**
 * What the docs tests need from a Markdown file: its links, its inline code spans and its headings' anchors, read with
 * a GFM parser (marked's lexer) rather than regular expressions, so that a link inside a table cell, a list item or
 * emphasis is found and a `[x](y)` inside a code block is not.
 *
 * marked comes with mermaid (a devDependency); it is not a direct dependency of this repository yet.
 */
import { readFileSync } from 'node:fs';
import { Lexer, type Token } from 'marked';

export interface MarkdownFacts {
  /** Every link and image target, as written. */
  readonly links: readonly string[];
  /** The text of every inline code span (not fenced blocks). */
  readonly codeSpans: readonly string[];
  /** The anchors GitHub gives the headings, in order (duplicates numbered as GitHub numbers them). */
  readonly anchors: ReadonlySet<string>;
  /** The number of lines. */
  readonly lines: number;
}

/** The children of a token, wherever marked keeps them (inline tokens, list items, table cells). */
function children(token: Token): Token[] {
  const out: Token[] = [];
  const t = token as Token & { tokens?: Token[]; items?: Token[]; header?: Array<{ tokens: Token[] }>; rows?: Array<Array<{ tokens: Token[] }>> };
  if (t.tokens !== undefined) out.push(...t.tokens);
  if (t.items !== undefined) out.push(...t.items);
  if (t.header !== undefined) for (const cell of t.header) out.push(...cell.tokens);
  if (t.rows !== undefined) for (const row of t.rows) for (const cell of row) out.push(...cell.tokens);
  return out;
}

function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    walk(children(token), visit);
  }
}

/** The text a heading renders to (code spans keep their text, emphasis and links their label). */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      const inner = children(token);
      if (token.type === 'codespan' || inner.length === 0) return 'text' in token && typeof token.text === 'string' ? token.text : '';
      return plainText(inner);
    })
    .join('');
}

/**
 * GitHub's heading anchor (github-slugger): lower case, every character that is not a letter, digit, mark, space,
 * hyphen or underscore removed, spaces turned into hyphens.
 */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Decodes the HTML entities marked leaves in inline text (`&amp;` and the like) before slugging. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

export function readMarkdown(file: string): MarkdownFacts {
  const text = readFileSync(file, 'utf8');
  const tokens = new Lexer({ gfm: true }).lex(text);
  const links: string[] = [];
  const codeSpans: string[] = [];
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  walk(tokens, (token) => {
    if (token.type === 'link' || token.type === 'image') links.push((token as Token & { href: string }).href);
    if (token.type === 'codespan') codeSpans.push(decodeEntities((token as Token & { text: string }).text));
    if (token.type === 'heading') {
      const base = slug(decodeEntities(plainText(children(token))));
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
  });
  return { links, codeSpans, anchors, lines: text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length };
}
