/**
 * The review's merge-request note on GitLab: one note per merge request, written by the review bot and starting with
 * the review's marker, updated in place. Another author's note that starts with the marker (anyone can paste it) is
 * never touched. The note records the commit it reviewed, so the review pipeline, which goes over every open merge
 * request, skips those whose latest commit it already reviewed.
 */
import { COMMENT_MARKER } from '../review/render/markdown';

/** The line appended to the note: which commit the review is of. */
export const REVIEWED_COMMIT_PREFIX = '<!-- topicform-reviewed-commit: ';

/** GitLab allows 1,000,000 characters in a note; the review keeps far below (review/render/markdown.ts). */
export const GITLAB_NOTE_MAX_LENGTH = 1_000_000;

/** What the notes API says of one note (`GET /projects/:id/merge_requests/:iid/notes`), the fields read here. */
export interface GitlabNote {
  readonly id: number;
  readonly body?: string | null;
  readonly system?: boolean;
  readonly author?: { readonly username?: string } | null;
}

export type NoteAction =
  { readonly action: 'skip'; readonly noteId: number } | { readonly action: 'create' } | { readonly action: 'update'; readonly noteId: number };

/** The bot's own marked note, if any: the first by id (a duplicate can only come from a race; the first is kept up to date). */
export function ownNote(notes: readonly GitlabNote[], bot: string): GitlabNote | undefined {
  return [...notes].sort((a, b) => a.id - b.id).find((n) => n.system !== true && n.author?.username === bot && (n.body ?? '').startsWith(COMMENT_MARKER));
}

/** What to do with the note for a review of `commit`: skip when the bot's note already is of that commit. */
export function noteAction(notes: readonly GitlabNote[], bot: string, commit: string): NoteAction {
  const own = ownNote(notes, bot);
  if (own === undefined) return { action: 'create' };
  return (own.body ?? '').includes(`${REVIEWED_COMMIT_PREFIX}${commit} -->`) ? { action: 'skip', noteId: own.id } : { action: 'update', noteId: own.id };
}

/** The note's body: the rendered review (which must start with the marker) and the commit it is of. */
export function noteBody(review: string, commit: string): string {
  if (!review.startsWith(COMMENT_MARKER)) throw new Error('the review to post does not start with the topicform marker: it is not what topicform renders');
  if (!/^[0-9a-f]{7,64}$/.test(commit)) throw new Error(`"${commit}" is not a commit SHA`);
  const body = `${review.trimEnd()}\n\n${REVIEWED_COMMIT_PREFIX}${commit} -->\n`;
  if (body.length > GITLAB_NOTE_MAX_LENGTH) throw new Error(`the note would have ${body.length} characters; GitLab accepts ${GITLAB_NOTE_MAX_LENGTH}`);
  return body;
}
