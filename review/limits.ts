/**
 * The numbers review uses, each with its source. (Sizing numbers live in model/limits.ts and Kafka's own topic
 * defaults in model/kafka-defaults.ts; these are about where the report goes.)
 */

/** GitHub rejects issue and pull-request comments longer than 65,536 characters (its API answers 422). */
export const GITHUB_COMMENT_LIMIT = 65_536;

/**
 * The Markdown report stays below this, whatever its input: under GITHUB_COMMENT_LIMIT with room to spare, since
 * GitHub may count some characters (emoji, astral planes) differently from JavaScript's UTF-16 length.
 */
export const MARKDOWN_COMMENT_BUDGET = 60_000;

/**
 * Characters of one user-controlled value (a title, a reason, a description, an acknowledgement or suppression reason,
 * a table cell) shown in the comment before it is cut with "…": one declaration cannot fill the comment. Escaping can
 * make a shown value up to 9× longer (`@` → `@&#8288;`, a word joiner; a handle gets one after each `/` and `-` too).
 */
export const MARKDOWN_CELL_MAX = 300;

/** Characters of an id shown in the comment: ids are what an acknowledgement names, so they are cut only when absurd. */
export const MARKDOWN_ID_MAX = 600;

/**
 * Width of a pull-request comment's text column on GitHub: about 780 px in a conversation view on a desktop window
 * (the timeline's comment box less its padding). A table wider than it scrolls sideways, hiding its last columns.
 */
export const GITHUB_COMMENT_COLUMN_PX = 780;

/**
 * Characters that fit in that column, as a budget for what cannot wrap: GitHub renders comments in a 14 px system
 * sans-serif (code at 85 % in a monospace), about 7 px a character on average; 8 px leaves room for capitals and emoji.
 */
export const MARKDOWN_COLUMN_CHARS = Math.floor(GITHUB_COMMENT_COLUMN_PX / 8);

/** A table cell's padding and border in GitHub's stylesheet (6 px 13px, 1 px border), in characters of that budget. */
export const MARKDOWN_CELL_PADDING_CHARS = Math.ceil((2 * 13 + 1) / 8);

/** Stacks named in a sentence of the comment before the rest are only counted: a pull request may add thousands. */
export const MARKDOWN_NAMED_STACKS = 20;

/** Rows of safe findings listed in the Markdown summary table before the rest are only counted. */
export const MARKDOWN_SAFE_ROWS = 50;

/** Format of the JSON report; bumped on incompatible changes. */
export const REVIEW_FORMAT_VERSION = 1;

/**
 * Problems of one topology.json listed before the rest are only counted: a file from another tool or a broken merge can
 * have one per declaration, and the first screenful says what is wrong.
 */
export const TOPOLOGY_PROBLEMS_SHOWN = 20;
