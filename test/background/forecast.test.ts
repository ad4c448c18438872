import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { backgroundIdle, createBackground } from '../../lib/background';
import type { ForecastAnswer } from '../../lib/messages';
import { setStorageProblemSink } from '../../lib/storage';
import { sev1 } from '../alarms/alarm-fixtures';
import { backgroundDeps, contentSender, type FakeWorld, fakeWorld, popupSender } from './fake-ports';

/** 'forecast:get' (issue 15 item 2): the popup renders what the background forecast. */

let world: FakeWorld;
afterEach(() => backgroundIdle());
beforeEach(() => {
  fakeBrowser.reset();
  setStorageProblemSink(() => undefined);
  world = fakeWorld('2026-07-14T10:05:00Z'); // Tuesday 03:05 in Los Angeles, 18:05 in Shanghai
});

const seen = (ticket = sev1()) => ({ type: 'ticket:seen', ticket, source: 'api', fetchedAt: '2026-07-14T10:05:00Z' });

async function forecastOf(message: Record<string, unknown> = {}): Promise<ForecastAnswer> {
  const background = createBackground(backgroundDeps(world));
  const reply = await background.onMessage({ type: 'forecast:get', ...message }, popupSender());
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as ForecastAnswer;
}

describe('forecast:get', () => {
  it("lists each watched ticket's coming levels with the people the directory names, an office strip each and a handoff each", async () => {
    await fakeBrowser.storage.local.set({
      peopleDirectory: { roles: { 'district-sales-manager': { hq: [{ name: 'Dana Lee', email: 'dana@example.com' }] } }, salesReps: [], directorRotations: {} },
    });
    const background = createBackground(backgroundDeps(world));
    await background.onMessage(seen(sev1({ createdAt: '2026-07-14T08:00:00.000Z' })), contentSender());
    const answer = await forecastOf();
    expect(answer.now).toBe(Date.parse('2026-07-14T10:05:00Z'));
    expect(answer.until).toBe(Date.parse('2026-07-15T10:05:00Z'));
    // Sev 1 opened 08:00: level 2 at 10:00 has passed; 3, 4 and 5 come at 12:00, 14:00 and 20:00.
    expect(answer.events.map((e) => `${e.kind} ${e.level} ${new Date(e.at).toISOString()}`)).toEqual([
      'level 3 2026-07-14T12:00:00.000Z',
      'level 4 2026-07-14T14:00:00.000Z',
      'level 5 2026-07-14T20:00:00.000Z',
    ]);
    const level3 = answer.events[0]!;
    expect(level3.ticketKey).toBe('zendesk:35436@https://acme.zendesk.com');
    expect(level3.uid).toBe('zendesk-35436-level-3@acme.zendesk.com');
    expect(level3.toTell).toEqual([{ roleId: 'district-sales-manager', roleName: 'District Sales Manager', holders: [{ name: 'Dana Lee', email: 'dana@example.com' }] }]);
    expect(answer.events[1]?.toTell[0]?.holders).toEqual([]); // nobody in the directory: said, not hidden
    expect(answer.offices.map((o) => o.officeId)).toEqual(expect.arrayContaining(['hq', 'shanghai']));
    expect(answer.offices.find((o) => o.officeId === 'hq')?.open).toEqual([
      { from: Date.parse('2026-07-14T16:00:00Z'), to: Date.parse('2026-07-15T01:00:00Z') }, // 09:00–18:00 PDT
    ]);
    const hq = answer.handoffs.find((h) => h.officeId === 'hq')!;
    expect(hq.closesAt).toBe(Date.parse('2026-07-15T01:00:00Z'));
    expect(hq.tickets.map((t) => t.ticketId)).toEqual(['35436']);
    expect(hq.text).toContain('District Sales Manager: Dana Lee');
    expect(answer.refreshAt).toBe(Date.parse('2026-07-14T12:00:00Z'));
  });

  it('the engineer\'s office comes from the settings, and only when the policy has it', async () => {
    await fakeBrowser.storage.sync.set({ forecastSettings: { myOffice: 'shanghai', handoffNotice: { enabled: false, minutesBefore: 30 } } });
    expect((await forecastOf()).myOffice).toBe('shanghai');
    await fakeBrowser.storage.sync.set({ forecastSettings: { myOffice: 'atlantis', handoffNotice: { enabled: false, minutesBefore: 30 } } });
    expect((await forecastOf()).myOffice).toBeNull();
  });

  it("one ticket's events over a longer window, for its calendar file", async () => {
    const background = createBackground(backgroundDeps(world));
    await background.onMessage(seen(sev1({ createdAt: '2026-07-14T08:00:00.000Z' })), contentSender());
    await background.onMessage(seen(sev1({ id: '777', createdAt: '2026-07-14T09:00:00.000Z' })), contentSender());
    const answer = await forecastOf({ hours: 24 * 14, ticket: { system: 'zendesk', id: '777' } });
    expect(new Set(answer.events.map((e) => e.ticketId))).toEqual(new Set(['777']));
    expect(answer.handoffs).toEqual([]);
  });

  it('is refused to content scripts and checks its window', async () => {
    const background = createBackground(backgroundDeps(world));
    expect((await background.onMessage({ type: 'forecast:get' }, contentSender())).ok).toBe(false);
    expect(await background.onMessage({ type: 'forecast:get', hours: 0 }, popupSender())).toEqual({ ok: false, error: expect.stringMatching(/hours/) });
  });
});
