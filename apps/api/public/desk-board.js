// Keeps the queue board current from the server-sent events of the site. The page is
// complete without this script; here the lists are rebuilt from each "board" event with
// text only (no HTML from the server), and waiting times tick every 30 seconds.
(() => {
  const root = document.getElementById('desk-board');
  if (!root || !('EventSource' in window)) return;
  const site = root.dataset.site;
  const csrf = root.dataset.csrf;
  const text = (key) => root.dataset[key] || '';
  let lastBoard = null;
  let receivedAt = Date.now();

  const element = (tag, attrs = {}, children = []) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children) node.append(child);
    return node;
  };
  const hidden = (content) => element('span', { class: 'visually-hidden', text: content });
  const postForm = (action, className, children) =>
    element('form', { method: 'post', action, class: className }, [
      element('input', { type: 'hidden', name: '_csrf', value: csrf }),
      ...children,
    ]);
  const minutes = (seconds) => text('labelMinutes').replace('#', String(Math.floor(seconds / 60)));

  const renderWaiting = (board) => {
    const list = document.getElementById('waiting-list');
    const elapsed = Math.floor((Date.now() - receivedAt) / 1000);
    const present = board.agenciesPresent || [];
    const items = board.waiting.map((entry) => {
      const select = element(
        'select',
        { id: `call-${entry.id}`, name: 'organisationId' },
        present.map((a) =>
          element('option', { value: a.organisationId, text: a.organisationName }),
        ),
      );
      return element('li', {}, [
        element('span', { class: 'queue-label', text: entry.label }),
        element('span', { class: 'waited', text: minutes(entry.waitingSeconds + elapsed) }),
        ...(entry.requestedOrganisationName
          ? [element('span', { class: 'tag', text: entry.requestedOrganisationName })]
          : []),
        postForm(`/desk/board/entries/${entry.id}/call`, 'inline-controls', [
          element('label', {
            for: `call-${entry.id}`,
            class: 'visually-hidden',
            text: `${text('labelAgency')} ${entry.label}`,
          }),
          select,
          element(
            'button',
            { type: 'submit', class: 'button button--secondary', text: text('labelCall') },
            [hidden(` ${entry.label}`)],
          ),
        ]),
        postForm(`/desk/board/entries/${entry.id}/left`, 'inline-form', [
          element(
            'button',
            { type: 'submit', class: 'button button--link', text: text('labelLeft') },
            [hidden(` ${entry.label}`)],
          ),
        ]),
      ]);
    });
    list.replaceChildren(
      ...(items.length
        ? items
        : [element('li', { class: 'muted', text: text('labelNobodyWaiting') })]),
    );
  };

  const renderServed = (board) => {
    const list = document.getElementById('served-list');
    const items = board.withProfessional.map((entry) =>
      element('li', {}, [
        element('span', { class: 'queue-label', text: entry.label }),
        element('span', {
          text: [entry.organisationName, entry.staffDisplayName].filter(Boolean).join(' – '),
        }),
        postForm(`/desk/board/entries/${entry.id}/finish`, 'inline-form', [
          element(
            'button',
            { type: 'submit', class: 'button button--secondary', text: text('labelFinish') },
            [hidden(` ${entry.label}`)],
          ),
        ]),
      ]),
    );
    list.replaceChildren(
      ...(items.length
        ? items
        : [element('li', { class: 'muted', text: text('labelNobodyServed') })]),
    );
  };

  // Keep focus where it was when the lists are rebuilt under a keyboard user.
  const render = (board) => {
    const active = document.activeElement;
    const focusedAction =
      active && active.closest('form') ? active.closest('form').getAttribute('action') : null;
    lastBoard = board;
    receivedAt = Date.now();
    renderWaiting(board);
    renderServed(board);
    root.dataset.updated = String(receivedAt);
    if (focusedAction) {
      const again = root.querySelector(
        `form[action="${focusedAction}"] button, form[action="${focusedAction}"] select`,
      );
      if (again) again.focus();
    }
  };

  const source = new EventSource(`/api/v1/sites/${site}/desk/events`);
  source.addEventListener('board', (event) => render(JSON.parse(event.data)));
  setInterval(() => {
    if (lastBoard) renderWaiting(lastBoard);
  }, 30_000);
})();
