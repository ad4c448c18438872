// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { instantFromLocalInput, localInputValue } from '../../components/options/policy/what-if';
import { WhatIfSimulator } from '../../components/options/policy/WhatIfSimulator';
import { defaultPolicy } from '../../lib/policy';
import { useEnglishMessages } from '../i18n/english-messages';

/** The office-time cell of the timeline row whose text starts with `what`. */
function officeTimeOf(what: string): string {
  const cell = screen.getByText(what).closest('tr')?.querySelectorAll('td')[1];
  return cell?.textContent ?? '';
}

function simulate(severity: string, office: string, openedAt: string) {
  fireEvent.change(screen.getByLabelText('Severity'), { target: { value: severity } });
  fireEvent.change(screen.getByLabelText('Office'), { target: { value: office } });
  fireEvent.input(screen.getByLabelText(/^Opened at/), { target: { value: openedAt } });
}

describe('what-if simulator', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
    render(<WhatIfSimulator policy={defaultPolicy} engineerTimeZone="Europe/London" initialOpenedAt={new Date('2026-07-14T17:00:00Z')} />);
  });
  afterEach(cleanup);

  it('Sev 1 counts wall-clock hours: levels at 2, 4, 6 and 12 hours, response in 30 minutes', () => {
    simulate('1', 'hq', '2026-07-14T10:00');
    expect(screen.getByRole('columnheader', { name: 'Office time (America/Los_Angeles)' })).toBeTruthy();
    expect(officeTimeOf('First response due')).toContain('10:30');
    expect(officeTimeOf('Level 2 (Level 2 support) starts')).toContain('12:00');
    expect(officeTimeOf('Level 3 (Level 3 support) starts')).toContain('14:00');
    expect(officeTimeOf('Level 4 (Escalation Director) starts')).toContain('16:00');
    expect(officeTimeOf('Level 5 (Executive escalation) starts')).toContain('22:00');
  });

  it('Sev 3 counts business days: opened Monday 10:00, level 2 is due at the end of Thursday', () => {
    simulate('3', 'hq', '2026-07-13T10:00');
    expect(officeTimeOf('First response due')).toMatch(/Tue.*18:00/);
    expect(officeTimeOf('Level 2 (Level 2 support) starts')).toMatch(/Thu.*18:00/);
    expect(screen.getByText('Level 5 (Executive escalation): not used for this severity')).toBeTruthy();
  });

  it('the office\'s holidays and make-up workdays count: Shanghai over the National Day week', () => {
    // 2026-09-30 (Wed) 10:00 Shanghai; 1–7 Oct are holidays, Sat 10 Oct is a make-up workday.
    simulate('3', 'shanghai', '2026-09-30T10:00');
    expect(screen.getByRole('columnheader', { name: 'Office time (Asia/Shanghai)' })).toBeTruthy();
    expect(officeTimeOf('First response due')).toMatch(/Thu, Oct 8.*18:00|Oct 8.*18:00/);
  });

  it('times are shown in the engineer\'s zone too', () => {
    simulate('1', 'hq', '2026-07-14T10:00');
    const row = screen.getByText('Level 2 (Level 2 support) starts').closest('tr');
    // 12:00 in Los Angeles (PDT) is 20:00 in London (BST).
    expect(row?.querySelectorAll('td')[0]?.textContent).toContain('20:00');
  });
});

describe('datetime-local in an office zone', () => {
  it.each([
    ['Los Angeles summer time', '2026-07-14T10:00', 'America/Los_Angeles', '2026-07-14T17:00:00.000Z'],
    ['Shanghai', '2026-09-30T10:00', 'Asia/Shanghai', '2026-09-30T02:00:00.000Z'],
  ])('%s', (_zone, local, timeZone, iso) => {
    const at = instantFromLocalInput(local, timeZone);
    expect(at?.toISOString()).toBe(iso);
    expect(localInputValue(at as Date, timeZone)).toBe(local);
  });

  it('an incomplete value is no instant', () => {
    expect(instantFromLocalInput('2026-07-14', 'UTC')).toBeNull();
  });
});
