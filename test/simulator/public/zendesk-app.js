// A tiny single-page app shaped like Zendesk's Agent Workspace (data-test-id attributes as in
// shared/HELPDESKS.md). Tabs and links switch tickets with history.pushState, no page load.
(function () {
  'use strict';
  const root = document.getElementById('root');
  const shape = document.documentElement.dataset.shape || 'normal';
  const el = (tag, attrs, children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'text') node.textContent = value;
      else if (key === 'value') node.value = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  };
  const testId = (id) => (shape === 'changed' ? { 'data-qa': id + '-v2' } : { 'data-test-id': id });
  // Real variants (test/simulator/real-variants.ts): the UI language, ticket panes kept per tab, the ID column.
  const lang = document.documentElement.lang || 'en';
  const panes = document.documentElement.dataset.panes || 'single';
  const idColumn = document.documentElement.dataset.idColumn !== 'off';
  const WORDS = {
    de: { new: 'Neu', open: 'Offen', pending: 'Wartend', hold: 'Angehalten', solved: 'Gelöst', closed: 'Geschlossen', urgent: 'Dringend', high: 'Hoch', normal: 'Normal', low: 'Niedrig' },
    ja: { new: '新規', open: 'オープン', pending: '保留中', hold: '待機中', solved: '解決済み', closed: '終了', urgent: '緊急', high: '高', normal: '普通', low: '低' },
  };
  const label = (text) => (WORDS[lang] && WORDS[lang][text]) || text.charAt(0).toUpperCase() + text.slice(1);
  const shownTime = (iso) => (lang === 'en' ? iso : new Date(iso).toLocaleString(lang === 'de' ? 'de-DE' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'short' }));
  const openedPanes = [];
  const customStatus = document.documentElement.dataset.customStatus === 'on';
  // Custom statuses (Zendesk's custom ticket statuses): an own name per status category.
  const CUSTOM = { new: 'Triage', open: 'Engineering investigating', pending: 'Awaiting customer logs', hold: 'Awaiting vendor', solved: 'Fix delivered', closed: 'Archived' };
  const statusLabel = (status) => (customStatus ? CUSTOM[status] || status : label(status));

  async function data(path) {
    const response = await fetch('/__sim/page-data' + path);
    if (!response.ok) throw new Error('page data ' + response.status);
    return response.json();
  }

  function navigate(path) {
    history.pushState({}, '', path);
    render();
  }
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-nav], [role="tab"][data-entity-id]');
    if (!link) return;
    event.preventDefault();
    navigate(link.getAttribute('href') || '/agent/tickets/' + link.dataset.entityId);
  });
  window.addEventListener('popstate', render);

  async function header() {
    const { tabs } = await data('/tabs');
    const bar = el('div', { role: 'tablist', class: 'sim-tabs' });
    for (const tab of tabs) {
      bar.append(
        el('div', { role: 'tab', 'data-entity-id': String(tab.id), ...testId('header-tab'), tabindex: '0' }, [
          el('span', { ...testId('header-tab-title'), text: tab.subject }),
          el('span', { ...testId('header-tab-subtitle'), text: '#' + tab.id }),
        ]),
      );
    }
    const nav = el('nav', { class: 'sim-nav' }, [
      el('a', { href: '/agent/filters/1', 'data-nav': '', text: 'Open tickets' }),
      el('a', { href: '/agent/filters/1000', 'data-nav': '', text: 'All generated (1,000)' }),
    ]);
    return el('header', {}, [nav, bar]);
  }

  async function ticketView(id) {
    const ticket = await data('/tickets/' + id);
    const fields = el('aside', { class: 'sim-fields' }, [
      el('div', { ...testId('ticket-fields-status-view') }, [
        lang === 'en' && !customStatus
          ? el('button', { ...testId('ticket-status-menu-button'), text: label(ticket.status) })
          : // Another language: the words change, the status badge's test id keeps the category.
            el('button', { ...testId('ticket-status-menu-button') }, [el('div', { ...testId('status-badge-' + ticket.status), text: statusLabel(ticket.status) })]),
      ]),
      el('div', { ...testId('ticket-fields-priority-select') }, [
        el('span', { 'data-garden-id': 'dropdowns.combobox.value', text: ticket.priority ? label(ticket.priority) : '-' }),
      ]),
      el('div', { ...testId('ticket-fields-type-select'), text: 'Incident' }),
      el('div', { class: 'sim-tags' }, ticket.tags.map((tag) => el('span', { ...testId('ticket-system-field-tags-item-selected'), text: tag }))),
    ]);
    const log = el('div', { ...testId('omni-log-container') });
    // A lazily loaded conversation: the newest messages first, older ones behind a button.
    const lazy = Number(document.documentElement.dataset.lazy || 0);
    const hidden = lazy > 0 ? Math.max(0, ticket.comments.length - lazy) : 0;
    if (hidden > 0) {
      const more = el('button', { class: 'sim-load-earlier', text: 'Load ' + hidden + ' earlier messages' });
      more.addEventListener('click', () => {
        more.remove();
        for (const item of older) log.prepend(item);
      });
      log.append(more);
    }
    const older = [];
    for (const [index, comment] of ticket.comments.entries()) {
      const item = el('article', { ...testId('omni-log-comment-item') }, [
        el('strong', { text: comment.author }),
        el('time', { datetime: comment.at, text: shownTime(comment.at) }),
        el('p', { text: comment.body }),
      ]);
      if (comment.agent) item.prepend(el('span', { ...testId('omni-log-avatar-badge-AgentBadge'), text: 'Agent' }));
      if (!comment.public) item.append(el('span', { ...testId('omni-log-internal-note-tag'), text: 'Internal note' }));
      if (index < hidden) older.unshift(item);
      else log.append(item);
    }
    return el('main', { class: 'sim-ticket' }, [
      el('div', { class: 'sim-ticket-header' }, [el('input', { ...testId('omni-header-subject'), value: ticket.subject, 'aria-label': 'Subject' })]),
      el('div', { class: 'sim-ticket-body' }, [log, fields]),
    ]);
  }

  /** Like the Agent Workspace: a pane per opened ticket tab stays in the DOM, the inactive ones hidden by a class. */
  async function ticketPanes(id) {
    if (!openedPanes.includes(id)) openedPanes.push(id);
    const sections = [];
    for (const paneId of openedPanes) {
      const main = await ticketView(paneId);
      sections.push(el('section', { class: 'workspace' + (paneId === id ? '' : ' sim-inactive') }, [main]));
    }
    return el('div', { class: 'sim-workspaces' }, sections);
  }

  async function listView(viewId) {
    const { rows } = await data('/views/' + viewId);
    const table = el('table', { class: 'sim-table' });
    const headings = [...(idColumn ? ['ID'] : []), 'Subject', 'Priority', 'Status'];
    table.append(el('thead', {}, [el('tr', {}, headings.map((text) => el('th', { text })))]));
    const body = el('tbody');
    for (const row of rows) {
      body.append(
        el('tr', { ...testId('generic-table-row') }, [
          ...(idColumn ? [el('td', { ...testId('generic-table-cells-id'), text: '#' + row.id })] : []),
          el('td', { ...testId('ticket-table-cells-subject') }, [el('a', { href: '/agent/tickets/' + row.id, 'data-nav': '', text: row.subject })]),
          el('td', { text: row.priority ? label(row.priority) : '-' }),
          el('td', { text: label(row.status) }),
        ]),
      );
    }
    table.append(body);
    return el('main', { class: 'sim-view' }, [el('h1', { text: viewId === '1' ? 'Open tickets' : 'All generated tickets' }), table]);
  }

  let generation = 0;
  async function render() {
    const mine = ++generation;
    const ticket = location.pathname.match(/^\/agent\/tickets\/(\d+)/);
    const view = location.pathname.match(/^\/agent\/filters\/(\d+)/);
    const parts = [await header()];
    try {
      if (ticket) parts.push(panes === 'class' ? await ticketPanes(ticket[1]) : await ticketView(ticket[1]));
      else if (view) parts.push(await listView(view[1]));
      else parts.push(el('main', {}, [el('h1', { text: 'Dashboard' })]));
    } catch {
      parts.push(el('main', {}, [el('p', { text: 'Not found' })]));
    }
    if (mine !== generation) return;
    root.replaceChildren(...parts);
    document.title = ticket ? 'Ticket #' + ticket[1] + ' – Acme Support' : 'Acme Support';
  }
  render();
})();
