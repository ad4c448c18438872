// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { HealthSection } from '../../components/options/health/HealthSection';
import { type Health, healthItem } from '../../lib/storage';
import { useEnglishMessages } from '../i18n/english-messages';

/** Issue 12, item 7: the options page shows what the background did, so a silent failure is visible. */

const health: Health = {
  lastWakeAt: '2026-07-14T08:05:00.000Z',
  nextAlarmAt: '2026-07-14T08:15:00.000Z',
  held: [{ id: 'zendesk:77@https://acme.zendesk.com|response|due|x', ticket: 'zendesk:77@https://acme.zendesk.com', until: '2026-07-15T00:00:00.000Z' }],
  refused: [
    { at: '2026-07-14T08:01:00.000Z', ticket: 'zendesk ticket', origin: 'https://acme.zendesk.com', reason: 'ticket.id: expected a number' },
    { at: '2026-07-14T08:02:00.000Z', ticket: 'zendesk:9@https://acme.zendesk.com', origin: 'https://acme.zendesk.com', reason: 'cannot be evaluated: <b>x</b>' },
  ],
  originErrors: { 'https://jira.example.com:8443': { at: '2026-07-14T08:03:00.000Z', message: 'SUP-7: server: HTTP 503' } },
};

describe('Health tab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it('shows the last wake, the next alarm, held notifications, refused tickets and the last error per origin', async () => {
    await healthItem.set(health);
    render(<HealthSection store={{ load: () => healthItem.get() }} engineerTimeZone="UTC" />);
    await screen.findByText('Last wake');
    const text = (name: string) => document.querySelector(`[data-health="${name}"]`)?.textContent ?? '';
    expect(text('last-wake')).toMatch(/8:05/);
    expect(text('next-alarm')).toMatch(/8:15/);
    expect(text('held')).toContain('zendesk:77@https://acme.zendesk.com — shown at');
    const refused = [...document.querySelectorAll('[data-health="refused"] li')].map((li) => li.textContent);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toContain('zendesk:9@https://acme.zendesk.com https://acme.zendesk.com: cannot be evaluated: <b>x</b>'); // newest first, as text
    expect(document.querySelector('[data-health="refused"] b')).toBeNull();
    expect(text('errors')).toContain('https://jira.example.com:8443');
    expect(text('errors')).toContain('SUP-7: server: HTTP 503');
  });

  it('says how long the last wake took and how many of the watched tickets it evaluated', async () => {
    await healthItem.set({ ...health, lastWake: { tookMs: 12.4, evaluated: 3, watched: 2000 } });
    render(<HealthSection store={{ load: () => healthItem.get() }} engineerTimeZone="UTC" />);
    await screen.findByText('Last wake');
    const text = document.querySelector('[data-health="last-wake"]')?.textContent ?? '';
    expect(text).toMatch(/8:05/);
    expect(text).toContain('took 12 ms · 3 of 2,000 watched tickets evaluated; the others had nothing due');
  });

  it('says when the last wake evaluated every watched ticket, or had none to watch', async () => {
    await healthItem.set({ ...health, lastWake: { tookMs: 140, evaluated: 2000, watched: 2000 } });
    const { unmount } = render(<HealthSection store={{ load: () => healthItem.get() }} engineerTimeZone="UTC" />);
    await screen.findByText('Last wake');
    expect(document.querySelector('[data-health="last-wake"]')?.textContent).toContain('took 140 ms · every watched ticket evaluated (2,000)');
    unmount();
    await healthItem.set({ ...health, lastWake: { tookMs: 3, evaluated: 0, watched: 0 } });
    render(<HealthSection store={{ load: () => healthItem.get() }} engineerTimeZone="UTC" />);
    await screen.findByText('Last wake');
    expect(document.querySelector('[data-health="last-wake"]')?.textContent).toContain('took 3 ms · no ticket watched');
  });

  it('says "not yet" and "None." before the first wake, and reloads on demand', async () => {
    render(<HealthSection store={{ load: () => healthItem.get() }} engineerTimeZone="UTC" />);
    await screen.findByText('Last wake');
    expect(document.querySelector('[data-health="last-wake"]')?.textContent).toBe('not yet');
    expect(screen.getAllByText('None.')).toHaveLength(3);
    await healthItem.set(health);
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(document.querySelector('[data-health="last-wake"]')?.textContent).toMatch(/8:05/));
  });
});
