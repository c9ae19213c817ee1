/**
 * The <predict-output> element (src/components/PredictOutput.astro): the learner's prediction of
 * a prompt's output, compared line by line when the answer opens. Loaded by QuestionCard, its only
 * parent, so a study page fetches one script for the question card and its parts.
 */
/** The prediction box of one question; compares when its answer opens (or the box changes while open). */
class PredictOutput extends HTMLElement {
  connectedCallback() {
    const answer = this.closest('article')?.querySelector<HTMLDetailsElement>('details[data-answer]');
    const input = this.querySelector('textarea');
    if (!answer || !input) return;
    this.hidden = false;
    const compare = () => {
      if (answer.open) void this.#compare(input.value);
    };
    answer.addEventListener('toggle', compare);
    input.addEventListener('change', compare);
  }

  async #compare(prediction: string) {
    const summary = this.querySelector('[data-prediction-summary]');
    const lines = this.querySelector<HTMLElement>('[data-prediction-lines]');
    if (!summary || !lines) return;
    if (!prediction.trim()) {
      summary.textContent = '';
      lines.hidden = true;
      return;
    }
    const [{ compareOutput }, { showComparison }] = await Promise.all([import('../lib/output-diff'), import('./prompt-view')]);
    showComparison(summary, lines, compareOutput(prediction, this.dataset.output ?? '', this.dataset.raises));
    lines.hidden = false;
  }
}

customElements.define('predict-output', PredictOutput);
