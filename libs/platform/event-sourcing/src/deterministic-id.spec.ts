import { deterministicUuid } from './deterministic-id';

describe('deterministicUuid', () => {
  it('is stable for the same parts and a well-formed version-5 UUID', () => {
    const id = deterministicUuid('timer-event', 'deadline-42', '0');
    expect(deterministicUuid('timer-event', 'deadline-42', '0')).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('separates parts so shifted boundaries do not collide', () => {
    expect(deterministicUuid('ab', 'c')).not.toBe(deterministicUuid('a', 'bc'));
    expect(deterministicUuid('a', 'b')).not.toBe(deterministicUuid('a', 'b', ''));
  });
});
