/**
 * The words of search: how text splits into words and operators, which words are stop words,
 * what operators are called, and how matched words are marked. Shared by the search index
 * builder (search-records.ts) and the searcher (search.ts).
 */

/** Operators a learner may search for, longest first so `**` wins over `*`. */
export const OPERATOR = /:=|==|!=|<=|>=|\+=|-=|\*=|\/=|\/\/|\*\*|->|::|!r|@|\*|\/|\+|%/g;

/** What each operator is called, so `:=` also finds "walrus" and `@` finds "decorator". */
export const OPERATOR_NAMES: Readonly<Record<string, readonly string[]>> = {
  ':=': ['walrus', 'assignment'],
  '==': ['equality', 'equal'],
  '!=': ['equality', 'equal'],
  '+=': ['augmented', '__iadd__'],
  '-=': ['augmented'],
  '*=': ['augmented'],
  '**': ['kwargs', 'power', 'unpacking'],
  '*': ['args', 'unpacking', 'star'],
  '->': ['annotation', 'annotations', 'hints'],
  '@': ['decorator', 'decorators', 'matmul'],
  '//': ['floor', 'division'],
  '::': ['slice', 'slicing', 'step'],
  '!r': ['repr', 'conversion'],
  '%': ['modulo', 'formatting'],
};

/**
 * Words that say little about which question is meant. They are left out of the index, except
 * where they stand in code (so `is`, `with` and `yield from` stay findable).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a about after all also an and any are as at be been before being between both but by can could ' +
    'did differ difference differences different do does doing don each for from get gets give how i if in into ' +
    'is it its just me mean means my need of on or our out over python really s should so some such t than ' +
    'that the their them then there these they this those to too under up use used using versus vs was way ' +
    'we what whats when where which while who why will with would you your').split(' '),
);

/** A word found in a text, with where it stands and whether it is inside `backticks`. */
export interface Token {
  word: string;
  start: number;
  end: number;
  code: boolean;
}

const TOKEN = new RegExp(`[\\p{L}\\p{N}_]+|${OPERATOR.source}|\``, 'gu');
/** True for an operator token (`:=`, `**`, `!r`), false for a word. */
export const isOperator = (word: string): boolean => !/[\p{L}\p{N}_]/u.test(word) || word === '!r';

/** Splits text into lowercased words and operators with their positions; `__iadd__` and `StopIteration` stay whole. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let code = false;
  for (const m of text.matchAll(TOKEN)) {
    if (m[0] === '`') code = !code;
    else tokens.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length, code });
  }
  return tokens;
}

/** True for a token worth indexing: stop words, single letters and one-character operators only when in code. */
export function indexable(token: Token): boolean {
  if (token.code) return true;
  if (isOperator(token.word)) return token.word.length > 1;
  return token.word.length > 1 && !STOP_WORDS.has(token.word);
}

/** The overlapping letter pairs of a word: "gen" → ["ge", "en"]. */
export function letterPairs(word: string): string[] {
  return Array.from({ length: Math.max(0, word.length - 1) }, (_, i) => word.slice(i, i + 2));
}

/** The word with each pair of neighbouring letters swapped in turn: "yeild" → ["eyild", "yield", "yelid", "yeidl"]. */
export function swaps(word: string): string[] {
  return Array.from({ length: Math.max(0, word.length - 1) }, (_, i) => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
}

/** A run of text, marked when it matched the query. */
export interface HighlightPart {
  text: string;
  mark: boolean;
}

/** Lowercases and folds whitespace, backticks and end punctuation, to compare a query with a title. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/`/g, '').replace(/\s+/g, ' ').trim().replace(/[?.!]+$/, '').trimEnd();
}

/** A word without a common English ending, so "mutable" also finds "mutability". */
export function stem(word: string): string {
  const bare = word.replace(/(?:ing|ed|es|e|s|ly)$/, '');
  return bare.length >= 4 ? bare : word;
}

/** Splits text into parts, marking the words in `matched`. */
export function highlightWords(text: string, matched: ReadonlySet<string>): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const push = (part: string, mark: boolean) => {
    if (!part) return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += part;
    else parts.push({ text: part, mark });
  };
  let at = 0;
  for (const token of tokenize(text)) {
    // A stop word is searched for only in code: "is" marks `is`, not "What is".
    if (!matched.has(token.word) || (!token.code && STOP_WORDS.has(token.word))) continue;
    push(text.slice(at, token.start), false);
    push(text.slice(token.start, token.end), true);
    at = token.end;
  }
  push(text.slice(at), false);
  return parts;
}

/** Where a hit matched, besides its title: field labels with the matched tags or keywords. */
export interface MatchPlace {
  field: 'tags' | 'keywords' | 'aliases' | 'topic' | 'short';
  /** The matched tags or keywords, as written (empty for the topic and the short answer). */
  terms: string[];
}

const PLACE_LABELS: Record<MatchPlace['field'], string> = {
  tags: 'tags',
  keywords: 'answer terms',
  aliases: 'a synonym',
  topic: 'topic',
  short: 'short answer',
};

/**
 * Where a hit matched, as one line that does not give the answer away (for active recall):
 * the fields, with the matched tags and answer terms. Backticks mark the terms as code.
 * @example matchSummary([{ field: 'tags', terms: ['closures'] }, { field: 'short', terms: [] }]) // "Matches tags: `closures` · short answer"
 */
export function matchSummary(places: readonly MatchPlace[]): string {
  if (!places.length) return 'Matches the question';
  const parts = places.map(({ field, terms }) => (terms.length ? `${PLACE_LABELS[field]}: ${terms.map((t) => `\`${t}\``).join(', ')}` : PLACE_LABELS[field]));
  return `Matches ${parts.join(' · ')}`;
}
