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
        el('button', { ...testId('issue-field-status.ui.status-view.status-button.status-button'), text: issue.status }),
        el('div', { ...testId('issue-field-priority-readview-full.ui.priority.wrapper') }, [el('span', { text: issue.priority || 'None' })]),
        el('span', { ...testId('created-date.ui.read.meta-date'), text: issue.created }),
        el('div', { class: 'sim-labels' }, issue.labels.map((label) => el('span', { text: label }))),
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
          el('td', { text: row.priority || 'None' }),
          el('td', { text: row.status }),
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
