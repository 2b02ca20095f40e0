import { ProblemException } from '../errors/problem-details';

/** Where a page ended: the last item's due instant (null sorts last) and id. */
export interface WorkItemCursor {
  readonly dueAt: string | null;
  readonly id: string;
}

export const encodeWorkItemCursor = (cursor: WorkItemCursor): string =>
  Buffer.from(JSON.stringify([cursor.dueAt, cursor.id]), 'utf8').toString('base64url');

const invalid = (after: string): ProblemException =>
  new ProblemException(
    400,
    'work_items.invalid_cursor',
    'Query parameter `after` is not a cursor this service issued.',
    {
      after,
    },
  );

/** Opaque to clients; a tampered or foreign cursor is a 400 naming `after`, never a 500. */
export const decodeWorkItemCursor = (after: string): WorkItemCursor => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw invalid(after);
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid(after);
  const [dueAt, id] = parsed as unknown[];
  if (typeof id !== 'string' || id.length === 0) throw invalid(after);
  if (dueAt !== null && (typeof dueAt !== 'string' || Number.isNaN(Date.parse(dueAt)))) throw invalid(after);
  return { dueAt, id };
};
