// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { HandoffNoticeSettings } from '../../components/forecast/HandoffNoticeSettings';
import { defaultForecastSettings, type ForecastSettings } from '../../lib/storage/forecast-settings';
import { useEnglishMessages } from '../i18n/english-messages';

/** The handoff notice setting (issue 15 item 3): off by default, needs an office, N minutes validated. */

function store(initial: ForecastSettings = structuredClone(defaultForecastSettings)) {
  const saved: ForecastSettings[] = [];
  return { saved, load: async () => initial, save: async (settings: ForecastSettings) => void saved.push(settings) };
}

describe('HandoffNoticeSettings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it('is off by default and cannot be turned on before an office is chosen', async () => {
    const { container } = render(<HandoffNoticeSettings store={store()} myOffice={null} />);
    const box = await waitFor(() => {
      const found = container.querySelector<HTMLInputElement>('input[type="checkbox"]');
      if (!found) throw new Error('not rendered yet');
      return found;
    });
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(true);
    expect(container.textContent).toContain('Choose your office to get the notice.');
  });

  it('turned on for my office, with the minutes chosen; minutes out of range are refused by name', async () => {
    const settings = store();
    const { container } = render(<HandoffNoticeSettings store={settings} myOffice="shanghai" />);
    const box = await waitFor(() => {
      const found = container.querySelector<HTMLInputElement>('input[type="checkbox"]');
      if (!found) throw new Error('not rendered yet');
      return found;
    });
    fireEvent.change(box, { target: { checked: true } });
    await waitFor(() => expect(settings.saved.at(-1)).toEqual({ myOffice: 'shanghai', handoffNotice: { enabled: true, minutesBefore: 30 } }));
    const minutes = container.querySelector<HTMLInputElement>('input[type="number"]')!;
    fireEvent.change(minutes, { target: { value: '45' } });
    await waitFor(() => expect(settings.saved.at(-1)?.handoffNotice.minutesBefore).toBe(45));
    const count = settings.saved.length;
    fireEvent.change(minutes, { target: { value: '999' } });
    expect(container.textContent).toContain('Not saved: Minutes before close: 5–240');
    expect(settings.saved).toHaveLength(count);
  });
});
