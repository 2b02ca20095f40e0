import { ProblemException } from '../errors/problem-details';
import { decodeWorkItemCursor, encodeWorkItemCursor } from './work-item-cursor';

describe('work-item cursor', () => {
  it('round-trips a dated and an undated position', () => {
    for (const cursor of [
      { dueAt: '2026-12-07T10:00:00.000Z', id: 'list-to-file:e-1:bu-1:2026-12-07' },
      { dueAt: null, id: 'conflict:e-1:c-1' },
    ]) {
      expect(decodeWorkItemCursor(encodeWorkItemCursor(cursor))).toEqual(cursor);
    }
  });

  it.each([
    ['not base64 json', 'zz'],
    ['wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['empty id', Buffer.from('[null,""]').toString('base64url')],
    ['bad instant', Buffer.from('["yesterday","x"]').toString('base64url')],
  ])('refuses %s with a 400 naming `after`', (_, after) => {
    try {
      decodeWorkItemCursor(after);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemException);
      expect((error as ProblemException).problem).toMatchObject({
        status: 400,
        code: 'work_items.invalid_cursor',
      });
    }
  });
});
