// A tiny single-page app shaped like Jira Cloud's issue view and a JSM queue (data-testid
// attributes as in shared/HELPDESKS.md). Links switch issues with history.pushState.
(function () {
  'use strict';
  const root = document.getElementById('root');
  const shape = document.documentElement.dataset.shape || 'normal';
  const el = (tag, attrs, children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  };
  const testId = (id) => (shape === 'changed' ? { 'data-qa': id + '-v2' } : { 'data-testid': id });
  const QUEUE = '/jira/servicedesk/projects/SUP/queues/custom/1';
  // Real variants (test/simulator/real-variants.ts): the UI language changes the words and the
  // shown dates, never the test ids. Dates are text only, in the footnote, as public scripts read
  // it (test/fixtures/jira/SOURCES.md): no <time datetime>.
  const lang = document.documentElement.lang || 'en';
  const WORDS = {
    de: { Open: 'Offen', 'In Progress': 'In Arbeit', 'Waiting for customer': 'Warten auf Kunden', Resolved: 'Gelöst', Closed: 'Geschlossen', Highest: 'Höchste', High: 'Hoch', Medium: 'Mittel', Low: 'Niedrig', None: 'Keine', Created: 'Erstellt' },
    ja: { Open: 'オープン', 'In Progress': '進行中', 'Waiting for customer': '顧客の対応待ち', Resolved: '解決済み', Closed: 'クローズ', Highest: '最高', High: '高', Medium: '中', Low: '低', None: 'なし', Created: '作成日' },
  };
  const word = (english) => (WORDS[lang] && WORDS[lang][english]) || english;
  const LOCALES = { en: 'en-US', de: 'de-DE', ja: 'ja-JP' };
  const shownDate = (iso) => new Date(iso).toLocaleString(LOCALES[lang] || 'en-US', { dateStyle: 'long', timeStyle: 'short' });

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
    const link = event.target.closest('a[data-nav]');
    if (!link) return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);

  function issueView(issue) {
    return el('div', { class: 'sim-issue' }, [
      el('nav', { 'aria-label': 'Breadcrumbs' }, [
        el('a', { href: QUEUE, 'data-nav': '', text: 'Support' }),
        el('a', { href: '/browse/' + issue.key, 'data-nav': '', ...testId('issue.views.issue-base.foundation.breadcrumbs.current-issue.item') }, [el('span', { text: issue.key })]),
      ]),
      el('h1', { ...testId('issue.views.issue-base.foundation.summary.heading'), text: issue.summary }),
      el('div', { class: 'sim-issue-fields' }, [
        el('button', { ...testId('issue-field-status.ui.status-view.status-button.status-button'), text: word(issue.status) }),
        el('div', { ...testId('issue-field-priority-readview-full.ui.priority.wrapper') }, [el('span', { text: word(issue.priority || 'None') })]),
        el('div', { class: 'sim-labels' }, issue.labels.map((label) => el('span', { text: label }))),
      ]),
      el('div', { ...testId('issue.views.issue-details.issue-layout.sections.footnote') }, [
        el('div', { ...testId('created-date.ui.read.meta-date') }, [el('small', { text: word('Created') + ' ' }, [el('span', { role: 'presentation', text: shownDate(issue.created) })])]),
      ]),
      el('section', { class: 'sim-comments' }, issue.comments.map((comment) => el('article', {}, [el('strong', { text: comment.author + (comment.public ? '' : ' (internal)') }), el('p', { text: comment.body })]))),
    ]);
  }

  async function queue(selectedKey) {
    const { rows } = await data('/queue');
    const table = el('table', { class: 'sim-table' });
    const body = el('tbody');
    for (const row of rows) {
      body.append(
        el('tr', { 'data-testid': 'servicedesk-queues.common.ui.queue-table.row', 'data-issue-key': row.key }, [
          el('td', {}, [el('a', { href: QUEUE + '/' + row.key, 'data-nav': '', text: row.key })]),
          el('td', { text: row.summary }),
          el('td', { text: word(row.priority || 'None') }),
          el('td', { text: word(row.status) }),
        ]),
      );
    }
    table.append(body);
    const parts = [el('h1', { text: 'All open requests' }), table];
    if (selectedKey) parts.push(el('section', { role: 'dialog', 'aria-label': selectedKey }, [issueView(await data('/issues/' + selectedKey))]));
    return el('main', { class: 'sim-queue' }, parts);
  }

  let generation = 0;
  async function render() {
    const mine = ++generation;
    const browse = location.pathname.match(/^\/browse\/([A-Z][A-Z0-9_]+-\d+)/);
    const queued = location.pathname.match(/^\/jira\/servicedesk\/projects\/[A-Z0-9_]+\/queues\/custom\/\d+(?:\/([A-Z][A-Z0-9_]+-\d+))?/);
    let main;
    try {
      if (browse) main = el('main', {}, [issueView(await data('/issues/' + browse[1]))]);
      else if (queued) main = await queue(queued[1]);
      else main = el('main', {}, [el('h1', { text: 'Your work' })]);
    } catch {
      main = el('main', {}, [el('p', { text: 'Issue not found' })]);
    }
    if (mine !== generation) return;
    root.replaceChildren(el('header', {}, [el('a', { href: QUEUE, 'data-nav': '', text: 'Queues' })]), main);
  }
  render();
})();
