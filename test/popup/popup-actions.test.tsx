// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browserPopupActions } from '../../entrypoints/popup/popup-actions';
import { emptyDirectory, type Directory } from '../../lib/people/directory-schema';
import { useEnglishMessages } from '../i18n/english-messages';
import { entry, NOW, renderPopup, watchedTicket } from './popup-fixtures';

const directory: Directory = {
  ...emptyDirectory(),
  roles: { 'district-sales-manager': { hq: [{ name: 'Dana Manager', email: 'dana@example.com' }] } },
  salesReps: [{ organization: 'Acme Corp', person: { name: 'Jane Doe', email: 'jane@example.com' } }],
};

describe('popup actions over the runtime protocol', () => {
  let received: unknown[];
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
    received = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      received.push(message);
      return Promise.resolve({ ok: true, data: { acknowledgement: { at: NOW.toISOString(), by: 'local' } } });
    });
  });
  afterEach(cleanup);

  it('"mark notified" sends ticket:acknowledge for that ticket and role, naming the person told', async () => {
    const ticket = watchedTicket({ id: '35436', severity: 1, openedMinutesAgo: 130, repliedMinutesAgo: [20] });
    renderPopup([entry(ticket, { organization: ' acme corp ', directory })], {
      actions: browserPopupActions(),
      data: { ackNoteMode: 'always' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Mark Sales Rep · Jane Doe notified for ticket 35436' }));
    await waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toEqual({
      type: 'ticket:acknowledge',
      ticket: { system: 'zendesk', id: '35436', origin: 'https://acme.zendesk.com' },
      role: 'sales-rep',
      recordOnTicket: true,
      person: 'Jane Doe',
    });
    await waitFor(() => expect(screen.getByText('Sales Rep marked notified for 35436.')).toBeTruthy());
  });

  it('a note the background could not write is reported; the acknowledgement stands locally', async () => {
    fakeBrowser.reset();
    useEnglishMessages();
    fakeBrowser.runtime.onMessage.addListener(() =>
      Promise.resolve({ ok: true, data: { acknowledgement: { at: NOW.toISOString(), by: 'local' }, recordError: 'no Zendesk tab open' } }),
    );
    const ticket = watchedTicket({ id: '35436', severity: 1, openedMinutesAgo: 130, repliedMinutesAgo: [20] });
    renderPopup([entry(ticket)], { actions: browserPopupActions(), data: { ackNoteMode: 'always' } });
    fireEvent.click(screen.getByRole('button', { name: /Mark Sales Rep notified/ }));
    await waitFor(() =>
      expect(screen.getByText('Sales Rep marked notified for 35436 in this browser only; the note on the ticket was not written: no Zendesk tab open')).toBeTruthy(),
    );
  });

});
