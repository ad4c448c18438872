import { describe, expect, test, vi } from 'vitest';
import { recordAcknowledgement, type AckNoteWriter } from '../../lib/content/record-acknowledgement';
import { HelpdeskError } from '../../lib/helpdesks/contract';

const io = { fetch: vi.fn() as unknown as typeof fetch, origin: 'https://acme.zendesk.com' };
const message = {
  type: 'content:record-acknowledgement',
  ticket: { system: 'zendesk', id: '35436' },
  role: 'sales-rep',
  roleName: 'Sales Rep',
  level: 2,
  at: '2026-07-14T10:05:00.000Z',
  person: 'Jane Doe',
  channel: 'email',
};

describe('the content side of "record the acknowledgement on the ticket"', () => {
  test('writes the note through the helpdesk with everything the background sent', async () => {
    const write = vi.fn<AckNoteWriter>(async () => undefined);
    await expect(recordAcknowledgement(message, 'zendesk', write, io)).resolves.toEqual({ ok: true });
    expect(write).toHaveBeenCalledWith(
      '35436',
      { roleId: 'sales-rep', roleName: 'Sales Rep', level: 2, at: new Date('2026-07-14T10:05:00Z'), person: 'Jane Doe', channel: 'email' },
      io,
    );
  });

  test('a failed write is answered with its reason, so the acknowledgement stays local and the engineer is told', async () => {
    const write = vi.fn<AckNoteWriter>(async () => {
      throw new HelpdeskError('forbidden', '/api/v2/tickets/35436.json: HTTP 403', 403);
    });
    await expect(recordAcknowledgement(message, 'zendesk', write, io)).resolves.toEqual({
      ok: false,
      error: '/api/v2/tickets/35436.json: HTTP 403',
    });
  });

  test.each([
    ['a message that is not for content scripts', { type: 'policy:get' }],
    ['a ticket of another helpdesk', { ...message, ticket: { system: 'jira', id: 'OPS-1' } }],
  ])('%s is left for other listeners', async (_rule, raw) => {
    const write = vi.fn<AckNoteWriter>();
    await expect(recordAcknowledgement(raw, 'zendesk', write, io)).resolves.toBeUndefined();
    expect(write).not.toHaveBeenCalled();
  });

  test('a malformed request is refused with the path of the problem and writes nothing', async () => {
    const write = vi.fn<AckNoteWriter>();
    const reply = await recordAcknowledgement({ ...message, level: 0 }, 'zendesk', write, io);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('level') });
    expect(write).not.toHaveBeenCalled();
  });
});
