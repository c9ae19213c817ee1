/**
 * The header search combobox (ARIA 1.2 combobox with a listbox popup): up to 8 suggestions as
 * the learner types, ↑/↓ to move, Enter to open, Esc to close. Loaded by the SiteSearch stub on
 * first use; results are built from text nodes only. With active recall on, a suggestion shows
 * where it matched instead of the short answer.
 */
import { DIFFICULTY_LABELS } from '../lib/deck';
import type { SearchHit } from '../lib/search';
import { matchSummary } from '../lib/search-text';
import { appendHighlighted } from './highlight';
import { store } from './progress';
import { searchClient } from './search-client';
import { showInline } from './text-parts';

const SUGGESTIONS = 8;

/** Adds combobox behaviour to a SiteSearch element (its input, listbox and status region). */
export function attachCombobox(root: HTMLElement): void {
  const input = root.querySelector('input');
  const list = root.querySelector<HTMLUListElement>('[role="listbox"]');
  const status = root.querySelector<HTMLElement>('[data-status]');
  if (!input || !list || !status) return;
  const client = searchClient(root.dataset.index ?? '');
  let hits: SearchHit[] = [];
  let correction: string | undefined;
  let active = -1;
  let latest = 0;

  const options = () => list.querySelectorAll<HTMLElement>('[role="option"]');

  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  /** What choosing each option does, in list order: "Did you mean", the results, then the full results page. */
  let actions: (() => void)[] = [];
  const open = (i: number) => actions[i]?.();

  const option = (id: number, build: (li: HTMLLIElement) => void, action: () => void) => {
    actions[id] = action;
    const li = document.createElement('li');
    li.id = `site-search-option-${id}`;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    build(li);
    // Keep focus in the input when an option is clicked.
    li.addEventListener('mousedown', (event) => event.preventDefault());
    li.addEventListener('click', () => open(id));
    return li;
  };

  const render = (query: string) => {
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const recall = store.settings().recall;
    actions = [];
    const items: HTMLLIElement[] = [];
    if (correction) {
      const corrected = correction;
      items.push(
        option(
          0,
          (li) => {
            li.className = 'all';
            li.textContent = `Did you mean “${corrected}”?`;
          },
          () => {
            input.value = corrected;
            void update();
          },
        ),
      );
    }
    const first = items.length;
    items.push(
      ...hits.map((hit, i) =>
        option(
          first + i,
          (li) => {
            const title = document.createElement('span');
            title.className = 'title';
            appendHighlighted(title, hit.title);
            const snippet = document.createElement('span');
            snippet.className = 'snippet';
            // The short answer would give the answer away while the learner practises recall.
            if (recall) showInline(snippet, matchSummary(hit.places));
            else appendHighlighted(snippet, hit.snippet);
            const meta = document.createElement('span');
            meta.className = 'meta';
            meta.textContent = `${hit.record.topicTitle} · ${DIFFICULTY_LABELS[hit.record.difficulty]}`;
            li.append(title, snippet, meta);
          },
          () => (location.href = hit.record.url),
        ),
      ),
    );
    items.push(
      option(
        items.length,
        (li) => {
          li.className = 'all';
          li.textContent = hits.length ? `All results for “${query}”` : `No questions match “${query}”: see the search page and topics`;
        },
        () => input.form?.requestSubmit(),
      ),
    );
    list.replaceChildren(...items);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    const count = hits.length ? `${hits.length} suggestion${hits.length === 1 ? '' : 's'}` : 'No matching questions';
    status.textContent = correction ? `${count}. Did you mean “${correction}”?` : count;
  };

  const update = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) return close();
    let found: Awaited<ReturnType<typeof client.search>>;
    try {
      found = await client.search(query, {}, SUGGESTIONS);
    } catch {
      status.textContent = 'Search is unavailable right now.';
      return;
    }
    // A slower answer to an older query must not replace a newer one.
    if (ticket !== latest) return;
    hits = found.hits;
    correction = found.suggestion.query;
    render(query);
  };

  const move = (step: number) => {
    const all = options();
    if (!all.length) return;
    active = (active + step + all.length) % all.length;
    all.forEach((el, i) => el.setAttribute('aria-selected', String(i === active)));
    const current = all[active]!;
    input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  };

  input.addEventListener('input', () => void update());
  // Close a moment after focus leaves (a click on an option lands first), unless it came back.
  input.addEventListener('blur', () => setTimeout(() => document.activeElement !== input && close(), 150));
  input.addEventListener('keydown', (event) => {
    const shown = !list.hidden;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown) move(event.key === 'ArrowDown' ? 1 : -1);
      else void update();
    } else if (event.key === 'Enter' && shown && active >= 0) {
      event.preventDefault();
      open(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // Suggestions still on their way must not reopen what the learner just dismissed.
      latest++;
      if (shown) close();
      else if (input.value) input.value = '';
      else input.blur();
    }
  });
  // Whatever was typed while this module loaded is searched now.
  if (input.value.trim()) void update();
}
