/**
 * Search-as-you-type on every search box (the header's, the home page's), a progressive
 * enhancement: without it the box
 * is a plain search form (`/search?q=`). With it the box becomes an ARIA 1.2 combobox with a
 * listbox popup (the roles and states are set here, so a page without the script never claims
 * a popup it cannot show): typing asks `GET /api/v1/search/suggest` after a pause (a request
 * in flight is aborted by the next), ArrowDown/ArrowUp move through the options
 * (`aria-activedescendant`, focus stays in the box), Enter opens the active option (without
 * one, the form is sent as usual), Escape closes, and a status region says how many options
 * there are. Options are built with textContent only: nothing typed or stored becomes markup.
 */
export const SEARCH_SUGGEST_JS = `
const DELAY_MS = 150;
const enhance = (input) => {
  const form = input.form;
  const list = document.createElement('ul');
  list.id = input.id + '-options';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggestions');
  list.hidden = true;
  const status = document.createElement('div');
  status.className = 'skip';
  status.setAttribute('role', 'status');
  form.append(list, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  let options = [];
  let active = -1;
  let timer = 0;
  let inFlight;
  let asked = '';

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const activate = (index) => {
    if (options[active]) options[active].element.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    if (!option) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    option.element.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', option.element.id);
    option.element.scrollIntoView({ block: 'nearest' });
  };
  const show = (suggestions) => {
    list.replaceChildren();
    options = suggestions.map((suggestion, index) => {
      const element = document.createElement('li');
      element.id = list.id + '-' + index;
      element.setAttribute('role', 'option');
      element.setAttribute('aria-selected', 'false');
      element.className = 'suggestion suggestion-' + suggestion.kind;
      const label = document.createElement('span');
      label.className = 'suggestion-label';
      label.textContent = suggestion.label;
      const detail = document.createElement('span');
      detail.className = 'suggestion-detail';
      detail.textContent = suggestion.detail;
      element.append(label, detail);
      // mousedown, not click: a click would blur the box (and close the list) first.
      element.addEventListener('mousedown', (event) => {
        event.preventDefault();
        location.assign(suggestion.url);
      });
      list.append(element);
      return { element, url: suggestion.url };
    });
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.hidden = options.length === 0;
    input.setAttribute('aria-expanded', String(options.length > 0));
    status.textContent =
      options.length === 0 ? '' : options.length + (options.length === 1 ? ' suggestion' : ' suggestions');
  };
  const ask = async () => {
    const q = input.value;
    if (q.trim() === '') {
      asked = '';
      show([]);
      return;
    }
    if (q === asked && options.length > 0) return;
    asked = q;
    if (inFlight) inFlight.abort();
    inFlight = new AbortController();
    try {
      const response = await fetch('/api/v1/search/suggest?q=' + encodeURIComponent(q), {
        signal: inFlight.signal,
        headers: { accept: 'application/json' },
      });
      if (!response.ok) return;
      const answer = await response.json();
      // Only the answer to what is in the box now is shown.
      if (answer.query !== q.trimStart() || input.value !== q) return;
      show(answer.suggestions);
    } catch {
      // Aborted by a newer key stroke, or offline: the form still works without options.
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) {
        if (options.length > 0) {
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
        } else {
          void ask();
        }
        event.preventDefault();
        return;
      }
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = active + step;
      activate(next < -1 ? options.length - 1 : next >= options.length ? -1 : next);
    } else if (event.key === 'Enter' && !list.hidden && options[active]) {
      event.preventDefault();
      location.assign(options[active].url);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', close);
};
if (window.fetch && window.AbortController) {
  for (const input of document.querySelectorAll('form[role="search"] input[type="search"][name="q"][id]')) enhance(input);
}
`;
