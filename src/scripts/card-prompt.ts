/** A flashcard's prompt code (front) and its output and the learner's prediction (back). See CardPrompt.astro. */
import type { FlashcardPrompt } from '../lib/flashcards';
import { compareOutput } from '../lib/output-diff';
import { showCode, showComparison } from './prompt-view';

/** Shows the card's prompt code under its question, or hides the block; the back's part is reset. */
export function showPromptFront(root: Element, prompt: FlashcardPrompt | undefined): void {
  const front = root.querySelector<HTMLElement>('[data-prompt-code]');
  const back = root.querySelector<HTMLElement>('[data-prompt-output]');
  const code = front?.querySelector('code');
  if (!front || !back || !code) return;
  front.hidden = !prompt;
  back.hidden = true;
  showCode(code, prompt?.lines ?? []);
}

/** On flip: the verified output and, when the learner typed a prediction, how it compares. */
export function showPromptBack(root: Element, prompt: FlashcardPrompt | undefined, prediction: string): void {
  const back = root.querySelector<HTMLElement>('[data-prompt-output]');
  const output = back?.querySelector('[data-output-text]');
  const summary = back?.querySelector('[data-prediction-summary]');
  const lines = back?.querySelector<HTMLElement>('[data-prediction-lines]');
  if (!back || !output || !summary || !lines || !prompt) return;
  output.textContent = prompt.output.replace(/\s+$/, '');
  const predicted = prediction.trim() !== '';
  lines.hidden = !predicted;
  if (predicted) showComparison(summary, lines, compareOutput(prediction, prompt.output, prompt.raises));
  else summary.textContent = '';
  back.hidden = false;
}
