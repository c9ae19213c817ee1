/** The Anki export: built from the real deck and read back the way Anki's text import reads it. */
import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ankiField, ankiFile, ankiNote, escapeHtml, type AnkiSource } from '../src/lib/anki.ts';
import type { Difficulty } from '../src/lib/deck.ts';
import { splitFrontmatter } from '../src/lib/question-file.ts';

/** Header lines (`#key:value`) then rows: Anki's text import, CSV rules with the declared separator. */
function readAsAnki(text: string): { headers: Map<string, string>; rows: string[][] } {
  const headers = new Map<string, string>();
  let rest = text;
  for (;;) {
    const line = /^#([^:\n]+):([^\n]*)\n/.exec(rest);
    if (!line) break;
    headers.set(line[1]!.trim().toLowerCase(), line[2]!);
    rest = rest.slice(line[0].length);
  }
  const separator = headers.get('separator') === 'tab' ? '\t' : headers.get('separator')!;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < rest.length) {
    let value = '';
    if (rest[i] === '"') {
      i++;
      for (;;) {
        if (i >= rest.length) throw new Error('unterminated quoted field');
        if (rest[i] === '"' && rest[i + 1] === '"') (value += '"'), (i += 2);
        else if (rest[i] === '"') {
          i++;
          break;
        } else value += rest[i++];
      }
    } else {
      while (i < rest.length && rest[i] !== separator && rest[i] !== '\n') value += rest[i++];
    }
    row.push(value);
    if (rest[i] === separator) i++;
    else {
      rows.push(row);
      row = [];
      i++;
    }
  }
  return { headers, rows };
}

/** Problems with an HTML fragment: unknown or unbalanced tags, or a bare `<`/`&`. */
function htmlProblems(html: string): string[] {
  const allowed = new Set(['p', 'ul', 'li', 'pre', 'code']);
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)(?:\s+class="[a-z]+")?>|<|&(?!amp;|lt;|gt;|quot;)/g)) {
    if (!m[2]) problems.push(`bare "${m[0]}"`);
    else if (!allowed.has(m[2])) problems.push(`unexpected <${m[2]}>`);
    else if (!m[1]) stack.push(m[2]);
    else if (stack.pop() !== m[2]) problems.push(`</${m[2]}> closes nothing open`);
  }
  if (stack.length) problems.push(`unclosed <${stack.join('>, <')}>`);
  return problems;
}

const dir = 'content/python';
const sources: AnkiSource[] = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => {
    const { yaml, body } = splitFrontmatter(readFileSync(`${dir}/${name}`, 'utf8'));
    const data = load(yaml ?? '') as { title: string; short: string; topic: string; difficulty: Difficulty; tags?: string[] };
    return { id: `python/${name.slice(0, -3)}`, title: data.title, short: data.short, topic: data.topic, difficulty: data.difficulty, tags: data.tags ?? [], body };
  });

describe('the Anki export of the real deck', () => {
  const { headers, rows } = readAsAnki(ankiFile('Recall::Python', sources.map(ankiNote)));

  it('declares tab separation, HTML, the note type, the deck and which columns hold the GUID and the tags', () => {
    expect(Object.fromEntries(headers)).toEqual({
      separator: 'tab',
      html: 'true',
      notetype: 'Basic',
      deck: 'Recall::Python',
      'guid column': '1',
      'tags column': '4',
      columns: 'GUID\tFront\tBack\tTags',
    });
  });

  it('has one row of four columns per question, each GUID the stable id and unique', () => {
    expect(rows).toHaveLength(sources.length);
    for (const row of rows) expect(row, row[0]).toHaveLength(4);
    expect(rows.map((r) => r[0])).toEqual(sources.map((s) => s.id));
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });

  it('writes well-formed HTML on both sides of every note', () => {
    for (const [guid, front, back] of rows) {
      expect(htmlProblems(front!), `${guid} front`).toEqual([]);
      expect(htmlProblems(back!), `${guid} back`).toEqual([]);
      expect(front, guid).toMatch(/^<p>.+\?<\/p>/);
      expect(back, guid).toContain('<ul><li>');
    }
  });

  it('tags each note with its topic, difficulty and tags, none holding a space', () => {
    const first = sources[0]!;
    expect(rows[0]![3]!.split(' ')).toEqual([`recall::python::topic::${first.topic}`, `recall::python::${first.difficulty}`, ...first.tags.map((t) => `recall::python::tag::${t}`)]);
  });
});

describe('one note', () => {
  const body = [
    '## Example',
    '',
    '```python',
    'print("a < b" and 1)',
    '```',
    '',
    '```text output',
    '1',
    '```',
    '',
    '## Key points',
    '',
    '- `x < y` compares',
    '- "quotes" & tabs\tstay text',
    '',
  ].join('\n');
  const note = ankiNote({ id: 'python/demo', title: 'Is `a < b` true?', short: 'Yes, for "a" < "b".', topic: 'objects', difficulty: 'basic', tags: ['gotcha'], body, promptCode: 'a, b = 1, 2\nprint(a < b)\n' });

  it('escapes text and code, and puts code in <pre>', () => {
    expect(note.front).toBe('<p>Is <code>a &lt; b</code> true?</p><pre class="prompt"><code>a, b = 1, 2\nprint(a &lt; b)</code></pre>');
    expect(note.back).toBe(
      '<p>Yes, for &quot;a&quot; &lt; &quot;b&quot;.</p><ul><li><code>x &lt; y</code> compares</li><li>&quot;quotes&quot; &amp; tabs\tstay text</li></ul>' +
        '<pre class="example"><code>print(&quot;a &lt; b&quot; and 1)</code></pre><pre class="output"><code>1</code></pre>',
    );
  });

  it('quotes a field only when it holds a tab, newline or quote', () => {
    expect(ankiField('plain')).toBe('plain');
    expect(ankiField('a\tb')).toBe('"a\tb"');
    expect(ankiField('say "hi"\n')).toBe('"say ""hi""\n"');
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('survives a round trip through the reader with code and quotes intact', () => {
    const { rows } = readAsAnki(ankiFile('D', [note]));
    expect(rows).toEqual([['python/demo', note.front, note.back, note.tags.join(' ')]]);
  });
});
