// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PeopleSection } from '../../components/options/people/PeopleSection';
import { directoryFromCsv, emptyDirectory, type Directory } from '../../lib/people';
import { defaultPolicy } from '../../lib/policy';
import { directoryItem } from '../../lib/storage';
import { useEnglishMessages } from '../i18n/english-messages';
import { chooseFile, storageSnapshot, testServices } from './options-fixtures';

/** Tuesday 14 July 2026, 10:00 in Shanghai. */
const NOW = new Date('2026-07-14T02:00:00Z');

const rotation: Directory = {
  ...emptyDirectory(),
  directorRotations: {
    shanghai: {
      anchorDate: '2026-07-06',
      handoverTime: '09:00',
      timeZone: 'Asia/Shanghai',
      people: [{ name: 'Li Wei', email: 'li.wei@example.com' }, { name: 'Chen Jing' }, { name: 'Wang Fang' }],
    },
  },
};

async function renderPeople(services = testServices()) {
  const view = render(<PeopleSection store={services.directory} files={services.files} policy={defaultPolicy} now={NOW} />);
  await screen.findByRole('heading', { name: 'People' });
  return { ...view, services };
}

const csvHeader = 'type,role,office,organization,name,email,phone,chat,rotation_week,anchor_date,handover_time,time_zone';

describe('people directory', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });
  afterEach(cleanup);

  it('a CSV with errors is refused with each problem\'s row and column, and nothing changes', async () => {
    await directoryItem.set(rotation);
    await renderPeople();
    const before = await storageSnapshot();
    const csv = [
      csvHeader,
      'person,sales-rep,hq,,Jane Doe,not-an-email,,,,,,',
      'boss,,hq,,Someone,,,,,,,',
      'sales-rep,,,,Bob Rep,bob@example.com,,,,,,',
    ].join('\n');
    chooseFile(screen.getByLabelText('Import JSON or CSV…'), 'people.csv', csv);
    await waitFor(() => expect(screen.getByText('people.csv was not imported: nothing has changed.')).toBeTruthy());
    const problems = screen.getByRole('heading', { name: 'Problems in the imported file' }).parentElement as HTMLElement;
    const lines = within(problems).getAllByRole('listitem').map((item) => item.textContent ?? '');
    expect(lines.some((line) => line.startsWith('row 2, column "email"'))).toBe(true);
    expect(lines.some((line) => line.startsWith('row 3, column "type"'))).toBe(true);
    expect(lines.some((line) => line.startsWith('row 4, column "organization"'))).toBe(true);
    expect(await storageSnapshot()).toBe(before);
    expect(screen.getByText(/On duty now: Chen Jing/)).toBeTruthy();
  });

  it('a valid CSV is loaded into the draft and stored on Save', async () => {
    await renderPeople();
    const csv = [
      csvHeader,
      'person,district-sales-manager,shanghai,,Zhang San,zhang@example.com,,,,,,',
      'sales-rep,,,Acme Corp,Jane Doe,jane@example.com,,,,,,',
    ].join('\n');
    chooseFile(screen.getByLabelText('Import JSON or CSV…'), 'people.csv', csv);
    await waitFor(() => expect(screen.getByText('Imported people.csv: review it, then Save.')).toBeTruthy());
    expect(await directoryItem.get()).toEqual(emptyDirectory());
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Saved.')).toBeTruthy());
    expect(await directoryItem.get()).toEqual(directoryFromCsv(csv));
  });

  it('shows who is on duty now and next from the weekly rotation', async () => {
    await directoryItem.set(rotation);
    await renderPeople();
    // Week of 6 July: Li Wei; week of 13 July (handover Monday 09:00 Shanghai): Chen Jing; then Wang Fang.
    expect(screen.getByText(/On duty now: Chen Jing \(until Mon, Jul 20, 09:00\)\. Next: Wang Fang/)).toBeTruthy();
  });

  it('an invalid email is flagged next to its field and blocks Save', async () => {
    await renderPeople();
    fireEvent.click(screen.getByRole('button', { name: 'Add a Sales Rep' }));
    fireEvent.input(screen.getByLabelText('Organisation (as the helpdesk names it)'), { target: { value: 'Acme Corp' } });
    const group = screen.getByRole('group', { name: 'Sales Rep of Acme Corp' });
    fireEvent.input(within(group).getByLabelText('Name'), { target: { value: 'Jane Doe' } });
    const email = within(group).getByLabelText('Email');
    fireEvent.input(email, { target: { value: 'jane at example' } });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/email/i);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText(/Not saved: 1 problem/)).toBeTruthy());
    expect(await directoryItem.get()).toEqual(emptyDirectory());
    fireEvent.input(email, { target: { value: 'jane@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await directoryItem.get()).salesReps).toEqual([{ organization: 'Acme Corp', person: { name: 'Jane Doe', email: 'jane@example.com' } }]));
  });

  it('exports the saved directory as CSV that imports back to the same directory', async () => {
    await directoryItem.set(rotation);
    const { services } = await renderPeople();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(directoryFromCsv(services.downloads[0]?.text ?? '')).toEqual(rotation);
  });
});
