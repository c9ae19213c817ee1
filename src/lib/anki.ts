/**
 * The deck as an Anki import file: Anki's "Import file" reads tab-separated text whose `#`
 * header lines say how (separator, HTML, which column is the GUID, which holds the tags, the
 * deck and the note type). One note per question; its GUID is the question's stable id, so
 * importing a newer file updates the notes already in Anki instead of adding copies.
 */
import type { Difficulty } from './deck.ts';
import { keyPointsOf } from './flashcards.ts';
import type { TextPart } from './inline-code.ts';
import { inlineCodeParts } from './inline-code.ts';
import { codeBlocksOf, parseMarkdown, sectionsOf } from './question-file.ts';

/** What one note is made from. */
export interface AnkiSource {
  /** The stable id, `<deck>/<id>`: the note's GUID. */
  id: string;
  title: string;
  short: string;
  topic: string;
  difficulty: Difficulty;
  tags: readonly string[];
  body: string;
  /** Code that is part of the question, shown on the front. */
  promptCode?: string | undefined;
}

/** One note: its GUID, the two sides as HTML, and its tags. */
export interface AnkiNote {
  guid: string;
  front: string;
  back: string;
  tags: string[];
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const partsHtml = (parts: readonly TextPart[]) => parts.map((p) => (p.code ? `<code>${escapeHtml(p.text)}</code>` : escapeHtml(p.text))).join('');
const pre = (code: string, cls: string) => `<pre class="${cls}"><code>${escapeHtml(code.replace(/\n+$/, ''))}</code></pre>`;

/**
 * Builds one note: front = the question (and its prompt code); back = the short answer, the key
 * points and the first example with its output.
 */
export function ankiNote(source: AnkiSource): AnkiNote {
  const front = `<p>${partsHtml(inlineCodeParts(source.title))}</p>` + (source.promptCode ? pre(source.promptCode, 'prompt') : '');
  const points = keyPointsOf(source.body);
  const example = sectionsOf(parseMarkdown(source.body)).find((s) => s.title === 'Example');
  const block = example ? codeBlocksOf({ type: 'root', children: example.nodes }).find((b) => b.lang === 'python') : undefined;
  const back = [
    `<p>${partsHtml(inlineCodeParts(source.short))}</p>`,
    points.length ? `<ul>${points.map((p) => `<li>${partsHtml(p)}</li>`).join('')}</ul>` : '',
    block ? pre(block.code, 'example') + (block.output ? pre(block.output.text, 'output') : '') : '',
  ].join('');
  const deck = source.id.split('/')[0] ?? source.id;
  return {
    guid: source.id,
    front,
    back,
    // Anki tags cannot hold spaces; "::" makes a tag hierarchy (recall::python::topic::classes).
    tags: [`recall::${deck}::topic::${source.topic}`, `recall::${deck}::${source.difficulty}`, ...source.tags.map((t) => `recall::${deck}::tag::${t}`)],
  };
}

/** Quotes a field the way Anki's text import reads it: in double quotes, doubled inside, when it holds a tab, newline or quote. */
export function ankiField(value: string): string {
  return /[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The whole import file: header lines, then one row a note (GUID, front, back, tags). */
export function ankiFile(deckName: string, notes: readonly AnkiNote[]): string {
  const header = ['#separator:tab', '#html:true', '#notetype:Basic', `#deck:${deckName}`, '#guid column:1', '#tags column:4', '#columns:GUID\tFront\tBack\tTags'];
  const rows = notes.map((n) => [n.guid, n.front, n.back, n.tags.join(' ')].map(ankiField).join('\t'));
  return `${[...header, ...rows].join('\n')}\n`;
}
