/**
 * Predict the output: compares what a learner expects some code to print with the verified
 * output, line by line. Whitespace is forgiven where Python's output cannot depend on the
 * learner's typing of it ("[1,2]" matches "[1, 2]"), but not between two words or numbers
 * ("False True" does not match "FalseTrue").
 */

/** How one line relates: in both, only in the verified output, or only in the prediction. */
export type DiffKind = 'same' | 'missing' | 'extra';

/** One line of the comparison, with the text to show (the verified line for `same` and `missing`). */
export interface DiffLine {
  kind: DiffKind;
  text: string;
}

/** The result of comparing a prediction with the output. */
export interface OutputComparison {
  /** True when every line matches, in order. */
  matches: boolean;
  lines: DiffLine[];
  /** Lines counted by kind. */
  counts: Record<DiffKind, number>;
}

/**
 * The lines of an output or a prediction: line endings unified, trailing spaces and blank
 * lines at either end dropped.
 * @example outputLines('\n[1, 2]  \r\nTrue\n\n') // ['[1, 2]', 'True']
 */
export function outputLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd());
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * What two lines are compared by: whitespace runs count as one space between two word
 * characters (letters, digits, `_`) and not at all elsewhere.
 * @example lineKey(' [1 ,  2]  ') // '[1,2]'
 * @example lineKey('False   True') // 'False True'
 */
export function lineKey(line: string): string {
  return line
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/(?<![\p{L}\p{N}_]) | (?![\p{L}\p{N}_])/gu, '');
}

/**
 * Compares a prediction with the verified output. When the code ends in an exception
 * (`raises`), naming the exception alone matches the traceback's last line.
 * @example compareOutput('[1,2,3]', '[1, 2, 3]\n').matches // true
 * @example compareOutput('TypeError', "TypeError: unhashable type: 'list'", 'TypeError').matches // true
 */
export function compareOutput(predicted: string, expected: string, raises?: string): OutputComparison {
  const mine = outputLines(predicted);
  const real = outputLines(expected);
  const mineKeys = mine.map(lineKey);
  const realKeys = real.map(lineKey);
  const lastReal = real.length - 1;
  const raisesKey = raises ? lineKey(raises) : undefined;
  const same = (i: number, j: number) =>
    mineKeys[i] === realKeys[j] ||
    (j === lastReal && raisesKey !== undefined && mineKeys[i] === raisesKey && (realKeys[j] ?? '').startsWith(`${raisesKey}:`));

  // Longest common subsequence of lines, filled from the end so the walk below runs forwards.
  const table = Array.from({ length: mine.length + 1 }, () => new Array<number>(real.length + 1).fill(0));
  const at = (i: number, j: number) => table[i]?.[j] ?? 0;
  for (let i = mine.length - 1; i >= 0; i--) {
    for (let j = real.length - 1; j >= 0; j--) {
      (table[i] as number[])[j] = same(i, j) ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < mine.length || j < real.length) {
    if (i < mine.length && j < real.length && same(i, j)) {
      lines.push({ kind: 'same', text: real[j] ?? '' });
      i++;
      j++;
    } else if (j < real.length && (i === mine.length || at(i, j + 1) >= at(i + 1, j))) {
      lines.push({ kind: 'missing', text: real[j] ?? '' });
      j++;
    } else {
      lines.push({ kind: 'extra', text: mine[i] ?? '' });
      i++;
    }
  }
  const counts: Record<DiffKind, number> = { same: 0, missing: 0, extra: 0 };
  for (const line of lines) counts[line.kind]++;
  return { matches: counts.missing === 0 && counts.extra === 0 && counts.same > 0, lines, counts };
}

/**
 * One sentence that sums the comparison up, for the learner and for screen readers.
 * @example comparisonSummary(compareOutput('1', '1')) // 'Your prediction matches the output.'
 */
export function comparisonSummary(result: OutputComparison): string {
  if (result.matches) return 'Your prediction matches the output.';
  const total = result.counts.same + result.counts.missing;
  const parts = [`${result.counts.same} of ${total} ${total === 1 ? 'line' : 'lines'} right`];
  if (result.counts.missing) parts.push(`${result.counts.missing} missing`);
  if (result.counts.extra) parts.push(`${result.counts.extra} not printed`);
  return `Not quite: ${parts.join(', ')}.`;
}
