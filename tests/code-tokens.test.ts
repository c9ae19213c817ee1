import { describe, expect, it } from 'vitest';
import { highlightCode } from '../src/lib/code-tokens.ts';

describe('highlightCode', () => {
  it('gives lines of tokens whose text is the code and whose colours are classes', async () => {
    const code = 'a = [1, 2]\n\nprint(a)  # done\n\n';
    const { lang, lines } = await highlightCode(code);
    expect(lang).toBe('python');
    expect(lines.map((line) => line.map((t) => t.text).join(''))).toEqual(['a = [1, 2]', '', 'print(a)  # done']);
    const tokens = lines.flat();
    expect(tokens.every((t) => t.className && /^(?:c[ld]-[0-9a-f]{3,8}|f[ibu])(?: (?:c[ld]-[0-9a-f]{3,8}|f[ibu]))*$/.test(t.className))).toBe(true);
    // The keyword-like `print` and the comment get colours of their own.
    const print = tokens.find((t) => t.text === 'print');
    const comment = tokens.find((t) => t.text.includes('# done'));
    expect(print?.className).not.toBe(comment?.className);
  });
});
