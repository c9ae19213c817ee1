/**
 * Smart punctuation for question Markdown: curly quotes, em dashes for "--", "…" for "...".
 *
 * The output is exactly that of Astro's default (remark-smartypants over retext-smartypants), which
 * a test checks on every question of the deck. The default runs two passes: quotes over all the
 * text of a file at once (so a quote pairs across emphasis and links), then dashes, ellipses and
 * backticks over each text node on its own. That second pass parses each node into a sentence
 * tree and was a quarter of a cold build; here it runs only on the text it can change.
 */
import type { Nodes, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';

const quotePass = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
const restPass = retext().use(retextSmartypants, { quotes: false });

/** What the second pass can change: "--", dots with at most spaces between, and `` or ''. */
const REST_PASS_CHANGES = /--|\.\s*\.|``|''/;

/** Nodes that start a run of text of their own: a quote at their start opens. */
const BLOCKS = new Set<Nodes['type']>(['paragraph', 'heading', 'tableCell']);

/** Every literal and block node under `tree`, in document order; `null` stands for a block start. */
function textRuns(tree: Root): ({ type: 'text' | 'inlineCode'; value: string } | null)[] {
  const runs: ({ type: 'text' | 'inlineCode'; value: string } | null)[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode') runs.push(node);
    else if (BLOCKS.has(node.type)) runs.push(null);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  for (const child of tree.children) walk(child);
  return runs;
}

/** The remark plugin: educates quotes, dashes and ellipses in text (never in code). */
export function remarkSmartPunctuation() {
  return (tree: Root) => {
    const runs = textRuns(tree);
    // Inline code keeps its place in the text as letters, so quotes around it still pair.
    const all = runs.map((run) => (run === null ? ' ' : run.type === 'text' ? run.value : 'A'.repeat(run.value.length))).join('');
    const quoted = String(quotePass.processSync(all));
    let at = 0;
    for (const run of runs) {
      if (run === null) {
        at += 1;
        continue;
      }
      const end = at + run.value.length;
      if (run.type === 'text') {
        const text = quoted.slice(at, end);
        run.value = REST_PASS_CHANGES.test(text) ? String(restPass.processSync(text)) : text;
      }
      at = end;
    }
  };
}
