/**
 * Searching the question index. fuse.js does the fuzzy part: it matches each query word against
 * the deck's vocabulary, so "generater" finds "generator" and "iadd" finds "__iadd__". An
 * inverted index then scores questions by where those words occur, with field weights (the
 * question counts most, then keywords and tags, then topic, then the short answer), and keeps
 * only questions that match every query word. Matching words against the vocabulary instead
 * of every field of every question keeps a query fast on a large deck (see bench/search.ts).
 */
import Fuse from 'fuse.js';
import type { Difficulty } from './deck.ts';
import type { SearchRecord } from './search-records.ts';

/** How much a match in each field counts. */
export const FIELD_WEIGHTS = { title: 4, keywords: 2, tags: 2, topicTitle: 1.5, short: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];

/** Fuzzy matching of one query word against vocabulary words: 0 is exact, 1 matches anything. */
const FUZZY_THRESHOLD = 0.34;
/** Words shorter than this match exactly or by prefix only: a "typo" in two letters is another word. */
const MIN_FUZZY_LENGTH = 4;
/** How much a typo may change a word's length (letters missed or doubled). */
const MAX_LENGTH_CHANGE = 2;
/** How many of a word's letter pairs a typo may change: a swap of two letters touches three. */
const MAX_PAIRS_CHANGED = 3;
/** Query words at least this long also match inside longer words. */
const MIN_SUBSTRING_LENGTH = 3;
/** Longest query accepted, in characters; longer input is cut. */
const MAX_QUERY_LENGTH = 200;

/** A word found in a text, with where it stands. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}_]+/gu;

/** Splits text into lowercased words with their positions; `__iadd__` and `StopIteration` stay whole. */
export function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/** The overlapping letter pairs of a word: "gen" → ["ge", "en"]. */
export function letterPairs(word: string): string[] {
  return Array.from({ length: Math.max(0, word.length - 1) }, (_, i) => word.slice(i, i + 2));
}

/** Filters a search can be narrowed by. */
export interface SearchFilters {
  topic?: string | undefined;
  difficulty?: Difficulty | undefined;
}

/** A run of text, marked when it matched the query. */
export interface HighlightPart {
  text: string;
  mark: boolean;
}

/** One search result, ready to render as text. */
export interface SearchHit {
  record: SearchRecord;
  title: HighlightPart[];
  /** The short answer, highlighted. */
  snippet: HighlightPart[];
  score: number;
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
    if (!matched.has(token.word)) continue;
    push(text.slice(at, token.start), false);
    push(text.slice(token.start, token.end), true);
    at = token.end;
  }
  push(text.slice(at), false);
  return parts;
}

/** A searcher over a set of records. */
export interface Searcher {
  /** Results for a query, best first, narrowed by filters; at most `limit`. */
  search(query: string, filters?: SearchFilters, limit?: number): SearchHit[];
}

/**
 * Builds a searcher. An exact title match always ranks first; then questions by score, and
 * equal scores in study order (the order of `records`).
 * @example createSearcher(records).search('generater', {}, 8)
 */
export function createSearcher(records: readonly SearchRecord[]): Searcher {
  // word → for each record holding it, the summed weight of the fields it appears in: a word in
  // the question, the tags and the keywords says more than the same word in the question alone.
  const postings = new Map<string, Map<number, number>>();
  const titles = new Map<string, number>();
  records.forEach((record, index) => {
    if (!titles.has(normalise(record.title))) titles.set(normalise(record.title), index);
    for (const field of FIELDS) {
      const value = record[field];
      const text = Array.isArray(value) ? value.join(' ') : (value as string);
      for (const word of new Set(tokenize(text).map((t) => t.word))) {
        let holders = postings.get(word);
        if (!holders) postings.set(word, (holders = new Map()));
        holders.set(index, (holders.get(index) ?? 0) + FIELD_WEIGHTS[field]);
      }
    }
  });
  const vocabulary = [...postings.keys()];
  // Letter pairs → the vocabulary words holding them. A typo changes at most MAX_PAIRS_CHANGED
  // of a word's letter pairs, so only words sharing the rest are worth a fuzzy comparison;
  // fuse.js then scores just those few, instead of the whole vocabulary.
  const byPair = new Map<string, number[]>();
  vocabulary.forEach((word, i) => {
    for (const pair of new Set(letterPairs(word))) {
      const words = byPair.get(pair);
      if (words) words.push(i);
      else byPair.set(pair, [i]);
    }
  });
  const nearMisses = (term: string): string[] => {
    const pairs = [...new Set(letterPairs(term))];
    const needed = Math.max(1, pairs.length - MAX_PAIRS_CHANGED);
    const shared = new Map<number, number>();
    for (const pair of pairs) for (const i of byPair.get(pair) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    return [...shared]
      .filter(([i, count]) => count >= needed && Math.abs(vocabulary[i]!.length - term.length) <= MAX_LENGTH_CHANGE)
      .map(([i]) => vocabulary[i]!);
  };
  const wordCache = new Map<string, Map<string, number>>();

  /** Vocabulary words a query word stands for, each with a quality from 0 to 1. */
  const wordsFor = (term: string): Map<string, number> => {
    const cached = wordCache.get(term);
    if (cached) return cached;
    const found = new Map<string, number>();
    if (postings.has(term)) found.set(term, 1);
    const root = stem(term);
    for (const word of vocabulary) {
      if (word === term) continue;
      // A prefix is what the learner is still typing; a longer remainder is a weaker match.
      // Inside a word (`iadd` in `__iadd__`) counts a little less than at its start.
      const at = term.length >= MIN_SUBSTRING_LENGTH ? word.indexOf(term) : word.startsWith(term) ? 0 : -1;
      const quality =
        at === 0 ? 0.9 : at > 0 ? 0.85 : word.startsWith(root) ? 0.8 : 0;
      if (quality) found.set(word, quality - Math.min(0.3, Math.abs(word.length - term.length) * 0.03));
    }
    if (term.length >= MIN_FUZZY_LENGTH) {
      // Typo tolerance. Near misses count for less when the word also appears as typed, since
      // then that is most likely what the learner meant ("mutable" still finds "mutability").
      const weight = found.size ? 0.45 : 0.8;
      const fuzzy = new Fuse(nearMisses(term), { threshold: FUZZY_THRESHOLD, ignoreLocation: true, includeScore: true });
      for (const { item, score = 1 } of fuzzy.search(term)) if (!found.has(item)) found.set(item, weight * (1 - score));
    }
    if (wordCache.size > 500) wordCache.clear();
    wordCache.set(term, found);
    return found;
  };

  return {
    search(query, filters = {}, limit = Infinity) {
      const text = query.slice(0, MAX_QUERY_LENGTH);
      const terms = [...new Set(tokenize(text).map((t) => t.word))];
      if (!terms.length) return [];
      const exact = titles.get(normalise(text));
      const totals = new Map<number, number>();
      const matchedWords = new Set<string>();
      terms.forEach((term, i) => {
        // Per record: the best word this term stands for, plus half of the others it holds
        // ("decorator" in the question and "decorators" in the topic beat either alone).
        const best = new Map<number, number>();
        const sum = new Map<number, number>();
        for (const [word, quality] of wordsFor(term)) {
          for (const [index, weight] of postings.get(word) ?? []) {
            // Every word must match: after the first, only records still in the running count.
            if (i > 0 && !totals.has(index)) continue;
            best.set(index, Math.max(best.get(index) ?? 0, quality * weight));
            sum.set(index, (sum.get(index) ?? 0) + quality * weight);
            matchedWords.add(word);
          }
        }
        const scores = new Map([...best].map(([index, top]) => [index, top + 0.5 * (sum.get(index)! - top)]));
        if (i === 0) for (const [index, score] of scores) totals.set(index, score);
        else for (const index of [...totals.keys()]) totals.set(index, scores.has(index) ? totals.get(index)! + scores.get(index)! : -1);
        for (const [index, score] of totals) if (score < 0) totals.delete(index);
      });
      if (exact !== undefined) totals.set(exact, Infinity);
      const keep = (r: SearchRecord) => (!filters.topic || r.topic === filters.topic) && (!filters.difficulty || r.difficulty === filters.difficulty);
      return [...totals]
        .filter(([index]) => keep(records[index]!))
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([index, score]) => {
          const record = records[index]!;
          return { record, score, title: highlightWords(record.title, matchedWords), snippet: highlightWords(record.short, matchedWords) };
        });
    },
  };
}
