import type { DeadLetter } from '@crm/messaging';
import { deadLetterView } from './dead-letter-dtos';

const letter = (value: Buffer | null): DeadLetter => ({
  id: '00000000-0000-4000-8000-000000000001',
  consumer: 'c',
  topic: 't',
  partition: 0,
  offset: '7',
  key: null,
  value,
  headers: {},
  eventId: null,
  error: 'boom',
  failedAt: new Date('2026-01-01T00:00:00Z'),
  replayedAt: null,
});

describe('deadLetterView', () => {
  it('shows binary values exactly, as base64, with no lossy text', () => {
    const raw = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3]);
    const view = deadLetterView(letter(raw));
    expect(Buffer.from(view.valueBase64 ?? '', 'base64')).toEqual(raw);
    expect(view.valueText).toBeNull();
    expect(view.message).toBeNull();
  });

  it('adds a text preview and the parsed JSON when the value is UTF-8', () => {
    const json = Buffer.from('{"type":"客户"}', 'utf8');
    expect(deadLetterView(letter(json))).toMatchObject({
      valueBase64: json.toString('base64'),
      valueText: '{"type":"客户"}',
      message: { type: '客户' },
    });
    expect(deadLetterView(letter(Buffer.from('not json', 'utf8'))).message).toBe('not json');
    expect(deadLetterView(letter(null))).toMatchObject({ valueBase64: null, valueText: null, message: null });
  });
});
