/** Fills the flashcard back's "this answer changed" notice for the card shown (see CardChanged.astro). */
import { answerChange, changeNoticeId, describeParts } from '../lib/answer-changes';
import type { Flashcard } from '../lib/flashcards';
import { store } from './progress';

const DATE = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/** Shows the notice in `root` when `card` changed since its last review; rating it re-learns it. */
export function showCardChange(root: HTMLElement, card: Flashcard | undefined): void {
  const box = root.querySelector<HTMLElement>('[data-card-changed]');
  if (!box) return;
  const change = card ? answerChange(store.reviews(), card.id, card.fp, (notice) => store.noticeSeen(notice)) : undefined;
  box.hidden = !change;
  if (!card || !change) return;
  box.querySelector('[data-card-changed-text]')!.textContent =
    `This answer changed since you studied it on ${DATE.format(change.reviewedAt)}: ${describeParts(change.parts)}. Rate it as you know it now; “Again” re-learns it.`;
  box.querySelector<HTMLButtonElement>('[data-card-changed-dismiss]')!.onclick = () => {
    store.markNoticeSeen(changeNoticeId(card.id, card.fp));
    box.hidden = true;
  };
}
