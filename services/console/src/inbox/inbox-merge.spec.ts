import { compareWorkItems, decodeCursor, encodeCursor, mergeInbox, type WorkItem } from './inbox-merge';

const item = (
  service: string,
  id: string,
  dueAt: string | null,
  priority: WorkItem['priority'] = 'normal',
): WorkItem => ({
  id,
  service,
  kind: 'k',
  titleKey: 'workItems.x',
  titleParams: {},
  dueAt,
  priority,
  link: '/',
  version: 1,
});

describe('inbox federation', () => {
  it('orders by deadline across services, undated last, then by priority', () => {
    const page = mergeInbox([
      {
        service: 'customers',
        ok: true,
        items: [item('customers', 'c1', null, 'high'), item('customers', 'c2', '2026-12-08T10:00:00Z')],
        nextCursor: null,
      },
      {
        service: 'invitations',
        ok: true,
        items: [item('invitations', 'i1', '2026-12-08T02:00:00Z'), item('invitations', 'i2', null, 'low')],
        nextCursor: 'n1',
      },
    ]);
    expect(page.items.map((i) => i.id)).toEqual(['i1', 'c2', 'c1', 'i2']);
    expect(decodeCursor(page.cursor ?? undefined)).toEqual({ customers: null, invitations: 'n1' });
  });

  it('keeps the other services when one fails and names the failed one', () => {
    const page = mergeInbox(
      [
        { service: 'customers', ok: true, items: [item('customers', 'c1', null)], nextCursor: null },
        { service: 'credit', ok: false, reason: 'timed out' },
      ],
      { credit: 'kept' },
    );
    expect(page.items).toHaveLength(1);
    expect(page.sources).toEqual([
      { service: 'customers', ok: true },
      { service: 'credit', ok: false, reason: 'timed out' },
    ]);
    expect(decodeCursor(page.cursor ?? undefined)).toEqual({ customers: null, credit: 'kept' });
  });

  it('has no cursor when every service is exhausted, and ignores a forged cursor', () => {
    expect(encodeCursor({ a: null, b: null })).toBeNull();
    expect(decodeCursor('not-base64-json')).toBeUndefined();
    expect(decodeCursor(Buffer.from('[1]').toString('base64url'))).toBeUndefined();
  });

  it('breaks deadline ties by priority', () => {
    const due = '2026-12-08T10:00:00Z';
    expect(compareWorkItems(item('a', '1', due, 'low'), item('a', '2', due, 'high'))).toBeGreaterThan(0);
  });
});
