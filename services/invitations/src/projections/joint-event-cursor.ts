/** Where the previous page of the joint-event list ended (newest first: date, then id). */
export interface JointEventCursor {
  readonly date: string;
  readonly jointEventId: string;
}

export const encodeJointEventCursor = (c: JointEventCursor): string =>
  Buffer.from(`${c.date}|${c.jointEventId}`).toString('base64url');

/** The cursor in `after`, or undefined when it is not one this service issued. */
export const decodeJointEventCursor = (after: string): JointEventCursor | undefined => {
  const [date, jointEventId, ...rest] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !jointEventId) return undefined;
  return { date, jointEventId };
};
