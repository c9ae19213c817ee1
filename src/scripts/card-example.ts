/**
 * The example on a flashcard's back, built as the Markdown pipeline builds it on question pages
 * (a `<python-run>` around the code figure and its output figure), so the same runner gives it
 * Copy, Edit and Run. Every piece of content becomes a text node, never HTML.
 */
import type { FlashcardExample } from '../lib/flashcards';
import { showCode } from './prompt-view';

/** A captioned code figure, like the ones the Markdown pipeline writes. */
function figure(kind: string, preClass: string, caption: Node[], fill: (code: HTMLElement) => void): HTMLElement {
  const element = document.createElement('figure');
  element.className = `code code-${kind}`;
  const label = document.createElement('figcaption');
  label.append(...caption);
  const pre = document.createElement('pre');
  // The highlighting classes come from the page (CardExample.astro), so shiki stays out of the browser.
  pre.className = preClass;
  pre.tabIndex = 0;
  const code = document.createElement('code');
  fill(code);
  pre.append(code);
  element.append(label, pre);
  return element;
}

const span = (className: string, text: string) => Object.assign(document.createElement('span'), { className, textContent: text });

let examples: Promise<Record<string, FlashcardExample>> | undefined;

/**
 * Shows the example of card `id` under its key points (fetched with the others on the first
 * flip), or hides the block; `stillShown` says whether the card is still on screen when it arrives.
 */
export async function showExample(root: Element, id: string | undefined, stillShown: () => boolean): Promise<void> {
  const box = root.querySelector<HTMLElement>('[data-card-example]');
  const slot = box?.querySelector('[data-card-example-code]');
  if (!box || !slot) return;
  box.hidden = true;
  slot.replaceChildren();
  if (!id || !box.dataset.src) return;
  examples ??= fetch(box.dataset.src)
    .then((r) => (r.ok ? (r.json() as Promise<Record<string, FlashcardExample>>) : {}))
    .catch(() => ({}));
  const example = (await examples)[id];
  if (!example || !stillShown()) return;
  box.hidden = false;
  const runner = document.createElement('python-run');
  runner.dataset.run = example.run;
  const caption = [span('code-kind', example.caption), ...(example.verified ? [span('code-verified', example.verified)] : [])];
  runner.append(figure(example.run === 'page' ? 'python' : 'native', box.dataset.preClass ?? '', caption, (code) => showCode(code, example.lines)));
  if (example.output !== undefined) {
    runner.append(figure('output', box.dataset.preClass ?? '', [document.createTextNode('Output')], (code) => (code.textContent = example.output!.replace(/\n$/, ''))));
  }
  slot.replaceChildren(runner);
}
