import { describe, expect, it, vi } from 'vitest';
import { handleMessage, type MessageHandlers, parseMessage, sendMessage, type SenderInfo } from '../../lib/messages';
import { ticketJson } from '../storage/watched-ticket-builders';

const EXTENSION_ID = 'test-extension-id';
const senderPolicy = () => ({
  extensionId: EXTENSION_ID,
  extensionBaseUrl: `chrome-extension://${EXTENSION_ID}/`,
  isWatchedOrigin: (origin: string) => origin === 'https://acme.zendesk.com',
});

const popup: SenderInfo = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };
const contentOnZendesk: SenderInfo = { id: EXTENSION_ID, url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 7 } };

function handlers(): MessageHandlers {
  const unexpected = () => Promise.reject(new Error('not used in this test'));
  return {
    'ticket:seen': vi.fn(async (m) => ({ key: `${m.ticket.system}:${m.ticket.id}` })),
    'tickets:list': vi.fn(async () => ({ rows: [], evaluatedAt: '2026-07-14T10:00:00.000Z', refreshAt: null })),
    'ticket:get': vi.fn(async () => ({ ticket: null })),
    'ticket:acknowledge': unexpected,
    'ticket:snooze': vi.fn(async () => ({ snoozedUntil: '2026-07-14T10:15:00.000Z' })),
    'ticket:open': unexpected,
    'ticket:forget': unexpected,
    'tickets:forget-view': unexpected,
    'tickets:watch-view': unexpected,
    'ticket:watch': unexpected,
    'policy:get': unexpected,
    'settings:changed': vi.fn(async () => ({ nextWakeAt: null })),
    'directory:get': unexpected,
    'ticket:ingest': unexpected,
    'tickets:ingest-many': unexpected,
    'ticket:view': vi.fn(async () => ({ view: null })),
    'page:config': unexpected,
    'options:open': unexpected,
    'forecast:get': unexpected,
  };
}

const seen = {
  type: 'ticket:seen',
  ticket: ticketJson(),
  source: 'api',
  fetchedAt: '2026-07-14T10:00:00Z',
};

describe('message validation', () => {
  const rejected: Array<[string, unknown, RegExp]> = [
    ['an unknown type is rejected by name', { type: 'ticket:delete', ticket: { system: 'zendesk', id: '1' } }, /unknown type "ticket:delete"/],
    ['a message without a type is rejected', { ticket: {} }, /type/],
    ['a non-object is rejected', 'tickets:list', /Rejected message/],
    ['an extra field is rejected (strict shapes)', { type: 'tickets:list', all: true }, /Unrecognized key/],
    ['a snooze longer than a day is rejected', { type: 'ticket:snooze', ticket: { system: 'zendesk', id: '1' }, minutes: 2000 }, /minutes/],
    ['a ticket with a bad instant is rejected, naming the path', { ...seen, ticket: { ...ticketJson(), createdAt: 'soon' } }, /ticket\.createdAt/],
    ['an unknown helpdesk is rejected', { type: 'ticket:open', ticket: { system: 'freshdesk', id: '1' } }, /ticket\.system/],
    ['helpdesk bodies must be a JSON object', { type: 'ticket:ingest', system: 'zendesk', raw: 'ticket', fetchedAt: '2026-07-14T10:00:00Z' }, /raw/],
    ['a list batch holds at most 100 reads', { type: 'tickets:ingest-many', system: 'jira', raws: Array.from({ length: 101 }, () => ({})) }, /raws/],
  ];
  it.each(rejected)('%s', (_rule, raw, error) => {
    expect(() => parseMessage(raw)).toThrow(error);
  });

  it('accepts a well-formed ticket:seen and turns its instants into dates', () => {
    const message = parseMessage(seen);
    expect(message.type === 'ticket:seen' && message.ticket.createdAt).toEqual(new Date('2026-07-14T08:00:00Z'));
  });

  it('keeps accepting acknowledgements without the optional note fields', () => {
    expect(parseMessage({ type: 'ticket:acknowledge', ticket: { system: 'jira', id: 'OPS-1' }, role: 'sales-rep' })).toMatchObject({ role: 'sales-rep' });
  });
});

describe('router: sender checks', () => {
  it('routes a content script message from a watched helpdesk', async () => {
    const h = handlers();
    const reply = await handleMessage(seen, contentOnZendesk, { senderPolicy, handlers: h, log: () => undefined });
    expect(reply).toEqual({ ok: true, data: { key: 'zendesk:35436' } });
  });

  const refused: Array<[string, unknown, SenderInfo, RegExp]> = [
    ['another extension is refused', { type: 'tickets:list' }, { ...popup, id: 'someone-else' }, /not this extension/],
    ['a content script on an unwatched origin is refused', seen, { id: EXTENSION_ID, url: 'https://evil.example/x', tab: { id: 1 } }, /not a watched helpdesk/],
    ['a content script may not list every ticket', { type: 'tickets:list' }, contentOnZendesk, /not accepted from a content script/],
    ['a content script may not announce settings changes', { type: 'settings:changed', area: 'policy' }, contentOnZendesk, /not accepted from a content script/],
    ['an extension page may not pose as a content script reporting a ticket', seen, popup, /not accepted from an extension page/],
    ['an extension page may not hand in helpdesk bodies', { type: 'ticket:ingest', system: 'zendesk', raw: {}, fetchedAt: '2026-07-14T10:00:00Z' }, popup, /not accepted from an extension page/],
    ['a sender without url or tab is refused', { type: 'tickets:list' }, { id: EXTENSION_ID }, /neither an extension page nor a tab/],
  ];
  it.each(refused)('%s', async (_rule, raw, sender, error) => {
    const h = handlers();
    const log = vi.fn();
    const reply = await handleMessage(raw, sender, { senderPolicy, handlers: h, log });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(error);
    expect(log).toHaveBeenCalledOnce();
    expect(h['tickets:list']).not.toHaveBeenCalled();
    expect(h['ticket:seen']).not.toHaveBeenCalled();
  });

  it('answers an unknown message with a clear error instead of dropping it', async () => {
    const reply = await handleMessage({ type: 'hello' }, popup, { senderPolicy, handlers: handlers(), log: () => undefined });
    expect(reply).toEqual({ ok: false, error: 'Rejected message: unknown type "hello"' });
  });

  it('reports a handler failure as an error reply', async () => {
    const h = handlers();
    h['ticket:snooze'] = () => Promise.reject(new Error('no such ticket'));
    const reply = await handleMessage({ type: 'ticket:snooze', ticket: { system: 'zendesk', id: '9' }, minutes: 15 }, popup, {
      senderPolicy,
      handlers: h,
      log: () => undefined,
    });
    expect(reply).toEqual({ ok: false, error: 'ticket:snooze failed: no such ticket' });
  });

  it('refuses to send a malformed answer from a buggy handler', async () => {
    const h = handlers();
    h['settings:changed'] = async () => ({ nextWakeAt: 'later' });
    const reply = await handleMessage({ type: 'settings:changed', area: 'sites' }, popup, { senderPolicy, handlers: h, log: () => undefined });
    expect(!reply.ok && reply.error).toMatch(/malformed answer: nextWakeAt/);
  });
});

describe('sendMessage', () => {
  it('returns the parsed data of an ok reply', async () => {
    const transport = vi.fn(async () => ({ ok: true, data: { snoozedUntil: '2026-07-14T10:15:00.000Z' } }));
    const data = await sendMessage({ type: 'ticket:snooze', ticket: { system: 'zendesk', id: '1' }, minutes: 15 }, transport);
    expect(data.snoozedUntil).toBe('2026-07-14T10:15:00.000Z');
  });

  it('throws the error of a failed reply', async () => {
    const transport = async () => ({ ok: false, error: 'Rejected message: unknown type' });
    await expect(sendMessage({ type: 'tickets:list' }, transport)).rejects.toThrow('Rejected message: unknown type');
  });

  it('does not send a malformed message at all', async () => {
    const transport = vi.fn();
    await expect(
      sendMessage({ type: 'ticket:snooze', ticket: { system: 'zendesk', id: '' }, minutes: 15 }, transport),
    ).rejects.toThrow(/Not sent: ticket\.id/);
    expect(transport).not.toHaveBeenCalled();
  });

  it('rejects a reply of the wrong shape', async () => {
    await expect(sendMessage({ type: 'tickets:list' }, async () => ({ ok: true, data: { rows: 'none' } }))).rejects.toThrow(/malformed answer/);
  });
});
