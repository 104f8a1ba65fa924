export interface ProofComment {
  id: string;
  parent_id: string | null;
  author_name: string;
  author_role: string;
  body: string;
  page: number | null;
  x: number | string | null;
  y: number | string | null;
  resolved_at: string | null;
  created_at: string;
}

/** A comment and its replies; `number` is the label its pin shows on the page. */
export interface ProofThread {
  number: number;
  root: ProofComment;
  page: number;
  point: { x: number; y: number } | null;
  replies: ProofComment[];
}

/** `numeric` arrives as a number or a string; a pin needs both coordinates. */
function pointOf(comment: ProofComment): { x: number; y: number } | null {
  if (comment.x === null || comment.y === null) return null;
  return { x: Number(comment.x), y: Number(comment.y) };
}

/** Comments (oldest first) as numbered threads, replies under the comment they answer. */
export function proofThreads(comments: readonly ProofComment[]): ProofThread[] {
  const threads = new Map<string, ProofThread>();
  for (const comment of comments) {
    if (comment.parent_id === null) {
      threads.set(comment.id, { number: threads.size + 1, root: comment, page: comment.page ?? 1, point: pointOf(comment), replies: [] });
    }
  }
  for (const comment of comments) {
    if (comment.parent_id !== null) threads.get(comment.parent_id)?.replies.push(comment);
  }
  return [...threads.values()];
}
