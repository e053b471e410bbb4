/** Line helpers shared by the parsers: line numbers are 1-based and refer to the input as given. */

export interface NumberedLine {
  /** 1-based line number. */
  readonly line: number;
  /** The line without its line terminator (a trailing `\r` is removed too). */
  readonly text: string;
}

/** Splits text into numbered lines (LF or CRLF); a final newline does not make an extra empty line. */
export function numberedLines(text: string): NumberedLine[] {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const raw = withoutBom.split('\n');
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  return raw.map((t, i) => ({ line: i + 1, text: t.endsWith('\r') ? t.slice(0, -1) : t }));
}

/** A non-negative decimal integer, or undefined. */
export function parseCount(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** `1,2,3` → [1, 2, 3]; empty or `N/A` → []. Non-numeric parts are returned as NaN-free by dropping them. */
export function parseIdList(value: string | undefined): number[] {
  if (value === undefined) return [];
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'N/A' || trimmed === 'none') return [];
  return trimmed
    .split(',')
    .map((p) => p.trim())
    .filter((p) => /^-?\d+$/.test(p))
    .map(Number);
}
