/**
 * The <answer-changed> element (src/components/AnswerChanged.astro): tells a learner that an
 * answer they studied has changed since. Loaded by QuestionCard, its only parent, so a study page
 * fetches one script for the question card and its parts.
 */
import { answerChange, changeNoticeId, describeParts } from '../lib/answer-changes';
import { onProgressChange, progressChanged, progressSnapshot, store } from './progress';

const DATE = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

class AnswerChanged extends HTMLElement {
  #stop: (() => void) | undefined;

  connectedCallback() {
    if (!store.available) return;
    const { id = '', fp = '' } = this.dataset;
    const box = this.querySelector<HTMLElement>('[data-box]')!;
    const said = this.querySelector<HTMLElement>('[data-said]')!;
    this.querySelector('[data-relearn]')!.addEventListener('click', () => {
      // An "again" review of this version: the card is due again, and the notice is answered.
      const result = store.addReview({ id, at: Date.now(), grade: 'again', source: 'study', fp });
      if (!result.ok) return;
      box.hidden = true;
      said.textContent = 'Marked to re-learn: it is due again.';
      progressChanged();
    });
    this.querySelector('[data-dismiss]')!.addEventListener('click', () => {
      store.markNoticeSeen(changeNoticeId(id, fp));
      box.hidden = true;
      said.textContent = 'Dismissed.';
    });
    void this.#refresh();
    this.#stop = onProgressChange(() => void this.#refresh());
  }

  disconnectedCallback() {
    this.#stop?.();
  }

  async #refresh() {
    const { id = '', fp = '' } = this.dataset;
    const { reviews } = await progressSnapshot();
    const change = answerChange(reviews, id, fp, (notice) => store.noticeSeen(notice));
    const box = this.querySelector<HTMLElement>('[data-box]')!;
    box.hidden = !change;
    if (change) {
      this.querySelector('[data-text]')!.textContent =
        `This answer changed since you studied it on ${DATE.format(change.reviewedAt)}: ${describeParts(change.parts)}.`;
    }
  }
}

customElements.define('answer-changed', AnswerChanged);
