import { describe, expect, it } from 'vitest';
import { compareOutput, comparisonSummary, lineKey, outputLines } from '../src/lib/output-diff.ts';

describe('outputLines', () => {
  it('unifies line endings and drops trailing spaces and blank edges, keeping inner blank lines', () => {
    expect(outputLines('\n\n[1, 2]  \r\n\nTrue\n\n')).toEqual(['[1, 2]', '', 'True']);
    expect(outputLines('   \n')).toEqual([]);
  });
});

describe('lineKey', () => {
  it('ignores whitespace except one space between words or numbers', () => {
    expect(lineKey('  [1 ,  2]  ')).toBe('[1,2]');
    expect(lineKey("['a',   'b']")).toBe("['a','b']");
    expect(lineKey('False    True')).toBe('False True');
    expect(lineKey('245\t0')).toBe('245 0');
    expect(lineKey('FalseTrue')).not.toBe(lineKey('False True'));
  });
});

describe('compareOutput', () => {
  it('matches a prediction that differs only in whitespace', () => {
    const result = compareOutput('[1,2,3]\n[1,2,3,4]  [1,2,3]\n\n', '[1, 2, 3]\n[1, 2, 3, 4] [1, 2, 3]\n');
    expect(result).toEqual({
      matches: true,
      lines: [
        { kind: 'same', text: '[1, 2, 3]' },
        { kind: 'same', text: '[1, 2, 3, 4] [1, 2, 3]' },
      ],
      counts: { same: 2, missing: 0, extra: 0 },
    });
  });

  it('shows missing and extra lines in order', () => {
    const result = compareOutput("['a']\n['b']\n['x', 'c']\n['d']", "['a']\n['a', 'b']\n['x', 'c']\n['a', 'b', 'd']\n");
    expect(result.matches).toBe(false);
    expect(result.lines).toEqual([
      { kind: 'same', text: "['a']" },
      { kind: 'missing', text: "['a', 'b']" },
      { kind: 'extra', text: "['b']" },
      { kind: 'same', text: "['x', 'c']" },
      { kind: 'missing', text: "['a', 'b', 'd']" },
      { kind: 'extra', text: "['d']" },
    ]);
    expect(result.counts).toEqual({ same: 2, missing: 2, extra: 2 });
  });

  it('reports a line left out and a line too many', () => {
    expect(compareOutput('True', 'True\nFalse True').lines).toEqual([
      { kind: 'same', text: 'True' },
      { kind: 'missing', text: 'False True' },
    ]);
    expect(compareOutput('1\n2\n3', '1\n3').lines).toEqual([
      { kind: 'same', text: '1' },
      { kind: 'extra', text: '2' },
      { kind: 'same', text: '3' },
    ]);
  });

  it('accepts the exception name alone for the traceback line, only when the code raises it', () => {
    const output = "(1, [2])\nTypeError: unhashable type: 'list'\n";
    expect(compareOutput('(1, [2])\nTypeError', output, 'TypeError').matches).toBe(true);
    expect(compareOutput("(1,[2])\nTypeError: unhashable type: 'list'", output, 'TypeError').matches).toBe(true);
    expect(compareOutput('(1, [2])\nTypeError', output).matches).toBe(false);
    expect(compareOutput('(1, [2])\nValueError', output, 'TypeError').lines.map((l) => l.kind)).toEqual(['same', 'missing', 'extra']);
  });

  it('never calls an empty prediction a match', () => {
    const result = compareOutput('  \n', '[12, 12, 12]\n');
    expect(result.matches).toBe(false);
    expect(result.lines).toEqual([{ kind: 'missing', text: '[12, 12, 12]' }]);
  });
});

describe('comparisonSummary', () => {
  it('says whether the prediction matches, and counts the differences', () => {
    expect(comparisonSummary(compareOutput('245 0', '245 0\n'))).toBe('Your prediction matches the output.');
    expect(comparisonSummary(compareOutput('245 245', '245 0\n'))).toBe('Not quite: 0 of 1 line right, 1 missing, 1 not printed.');
    expect(comparisonSummary(compareOutput('True', 'True\nFalse True\nFalse True'))).toBe('Not quite: 1 of 3 lines right, 2 missing.');
  });
});
