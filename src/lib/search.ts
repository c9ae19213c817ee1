/**
 * Searching the question index. Each query word is matched against the deck's vocabulary
 * (exactly, as a prefix, by its stem, or with a typo: fuse.js scores near misses, and swapped
 * letters are tried directly), then an inverted index scores questions by where those words
 * occur, with field weights (the question counts most, then keywords and tags, then synonyms
 * and topic, then the short answer) and by how rare each word is. Questions are ranked by how
 * much of the query they cover, so a partial match still returns the best questions; stop words
 * ("what", "how", "vs") count only where they stand in code (`is`, `with`, `yield from`).
 * Matching words against the vocabulary instead of every field of every question keeps a query
 * fast on a large deck (see bench/search.ts).
 */
import Fuse from 'fuse.js';
import type { Difficulty } from './deck.ts';
import type { SearchRecord } from './search-records.ts';
import {
  highlightWords,
  indexable,
  isOperator,
  letterPairs,
  normalise,
  OPERATOR_NAMES,
  STOP_WORDS,
  stem,
  swaps,
  tokenize,
  type HighlightPart,
  type MatchPlace,
} from './search-text.ts';

/** How much a match in each field counts. */
export const FIELD_WEIGHTS = { title: 4, keywords: 2, tags: 2, aliases: 1.5, topicTitle: 1.5, short: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];

/** Fuzzy matching of one query word against vocabulary words: 0 is exact, 1 matches anything. */
const FUZZY_THRESHOLD = 0.34;
/** Words of up to this many letters allow only one changed letter, and must keep their first letter. */
const SHORT_WORD = 5;
const SHORT_FUZZY_THRESHOLD = 0.25;
/** Words shorter than this are never matched with a typo: a "typo" in three letters is another word. */
const MIN_FUZZY_LENGTH = 4;
/** How much a typo may change a word's length (letters missed or doubled). */
const MAX_LENGTH_CHANGE = 2;
/** How many of a word's letter pairs a typo may change: a swap of two letters touches three. */
const MAX_PAIRS_CHANGED = 3;
/** Query words at least this long also match inside longer words (`iadd` in `__iadd__`). */
const MIN_SUBSTRING_LENGTH = 4;
/** Query words at least this long also match as the start of longer words (`gen` → `generator`). */
const MIN_PREFIX_LENGTH = 3;
/** Longest query accepted, in characters; longer input is cut. */
const MAX_QUERY_LENGTH = 200;
/** How much a stop word found in code adds, against a content word. */
const STOP_WORD_WEIGHT = 0.3;
/** A match must be at least this good to count as the title "holding" a query word. */
const TITLE_MATCH_QUALITY = 0.75;

/** Filters a search can be narrowed by. */
export interface SearchFilters {
  topic?: string | undefined;
  difficulty?: Difficulty | undefined;
}

/** One search result, ready to render as text. */
export interface SearchHit {
  record: SearchRecord;
  title: HighlightPart[];
  /** The short answer, highlighted. */
  snippet: HighlightPart[];
  /** Where else the query matched, for showing the match without showing the answer. */
  places: MatchPlace[];
  score: number;
}

/** A topic near a query. */
export interface TopicSuggestion {
  id: string;
  title: string;
}

/** What to offer when a query finds little: a corrected query and the closest topics. */
export interface Suggestion {
  /** The query with each word outside the vocabulary replaced by the closest word in it; undefined when none was. */
  query: string | undefined;
  /** Topics whose questions hold the query's words (or their corrections), closest first. */
  topics: TopicSuggestion[];
}

/** The results of one query, with what to offer when they are few: a corrected query and the closest topics. */
export interface SearchResults {
  hits: SearchHit[];
  suggestion: Suggestion;
}

/** A searcher over a set of records. */
export interface Searcher {
  /** Results for a query, best first, narrowed by filters; at most `limit`. */
  search(query: string, filters?: SearchFilters, limit?: number): SearchHit[];
  /** A corrected query and the closest topics, for a query that found little or nothing. */
  suggest(query: string): Suggestion;
}

/** A query word and how much it counts. */
interface Term {
  word: string;
  stop: boolean;
}

/** The query's words: stop words are kept apart, and count fully only when the query has nothing else. */
function queryTerms(query: string): Term[] {
  const words = [...new Set(tokenize(query.slice(0, MAX_QUERY_LENGTH)).map((t) => t.word))];
  const terms = words.map((word) => ({ word, stop: !isOperator(word) && (word.length < 2 || STOP_WORDS.has(word)) }));
  // A query of stop words alone ("is") searches for them, in code; single letters are dropped.
  return terms.some((t) => !t.stop) ? terms : terms.filter((t) => t.word.length > 1).map((t) => ({ ...t, stop: false }));
}

/**
 * Builds a searcher. An exact title match ranks first, then titles holding the whole query as
 * a phrase; then questions by score, and equal scores in study order (the order of `records`).
 * @example createSearcher(records).search('generater', {}, 8)
 */
export function createSearcher(records: readonly SearchRecord[]): Searcher {
  // word → for each record holding it, the summed weight of the fields it appears in: a word in
  // the question, the tags and the keywords says more than the same word in the question alone.
  const postings = new Map<string, Map<number, number>>();
  const titles = new Map<string, number>();
  const normalTitles = records.map((r) => normalise(r.title));
  const titleWords: Set<string>[] = [];
  records.forEach((record, index) => {
    if (!titles.has(normalTitles[index]!)) titles.set(normalTitles[index]!, index);
    for (const field of FIELDS) {
      const value = record[field] ?? '';
      const text = Array.isArray(value) ? value.map((v) => `\`${v}\``).join(' ') : (value as string);
      // Keywords are code by nature; tags are identifiers: their stop words (`is`) stay searchable.
      const tokens = tokenize(field === 'keywords' ? `\`${text}\`` : text).filter(indexable);
      const words = new Set(tokens.map((t) => t.word));
      if (field === 'title') titleWords[index] = words;
      for (const word of words) {
        let holders = postings.get(word);
        if (!holders) postings.set(word, (holders = new Map()));
        holders.set(index, (holders.get(index) ?? 0) + FIELD_WEIGHTS[field]);
      }
    }
  });
  const vocabulary = [...postings.keys()].filter((word) => !isOperator(word));
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
  const nearMisses = (term: string, pairsChanged: number, lengthChange: number): string[] => {
    const pairs = [...new Set(letterPairs(term))];
    const needed = Math.max(1, pairs.length - pairsChanged);
    const shared = new Map<number, number>();
    for (const pair of pairs) for (const i of byPair.get(pair) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    return [...shared]
      .filter(([i, count]) => count >= needed && Math.abs(vocabulary[i]!.length - term.length) <= lengthChange)
      .map(([i]) => vocabulary[i]!);
  };
  /** Vocabulary words within a typo of `term`, each with fuse.js's score (0 is exact). */
  const typos = (term: string, threshold: number, pairsChanged: number, lengthChange: number): Map<string, number> => {
    const found = new Map<string, number>();
    // A swap of two letters is one slip, but two errors to fuse.js: try swaps directly.
    for (const swapped of swaps(term)) if (postings.has(swapped) && swapped !== term) found.set(swapped, 0.1);
    let candidates = nearMisses(term, pairsChanged, lengthChange);
    // A short word keeps its first letter: "mock" must not turn into "lock".
    if (term.length <= SHORT_WORD) candidates = candidates.filter((w) => w[0] === term[0] && Math.abs(w.length - term.length) <= 1);
    const fuse = new Fuse(candidates, { threshold, ignoreLocation: true, includeScore: true });
    for (const { item, score = 1 } of fuse.search(term)) if (!found.has(item)) found.set(item, score);
    return found;
  };
  const wordCache = new Map<string, Map<string, number>>();

  /** Vocabulary words a query word stands for, each with a quality from 0 to 1. */
  const wordsFor = (term: string): Map<string, number> => {
    const cached = wordCache.get(term);
    if (cached) return cached;
    const found = new Map<string, number>();
    if (postings.has(term)) found.set(term, 1);
    if (isOperator(term)) {
      for (const name of OPERATOR_NAMES[term] ?? []) if (postings.has(name) && !found.has(name)) found.set(name, 0.7);
    } else {
      const root = stem(term);
      for (const word of vocabulary) {
        if (word === term) continue;
        // A prefix is what the learner is still typing; a longer remainder is a weaker match.
        // Inside a word (`iadd` in `__iadd__`) counts a little less than at its start.
        const at = term.length >= MIN_SUBSTRING_LENGTH ? word.indexOf(term) : term.length >= MIN_PREFIX_LENGTH && word.startsWith(term) ? 0 : -1;
        const quality = at === 0 ? 0.9 : at > 0 ? 0.85 : root !== term && word.startsWith(root) ? 0.8 : 0;
        if (quality) found.set(word, quality - Math.min(0.3, Math.abs(word.length - term.length) * 0.03));
      }
      // Typo tolerance, only for a word the deck does not hold as typed ("closure" must not find `close`).
      if (term.length >= MIN_FUZZY_LENGTH && !postings.has(term)) {
        const short = term.length <= SHORT_WORD;
        const near = typos(term, short ? SHORT_FUZZY_THRESHOLD : FUZZY_THRESHOLD, MAX_PAIRS_CHANGED, MAX_LENGTH_CHANGE);
        // Only the nearest misses: "dekorator" is one letter from "decorator", three from "generator".
        const nearest = Math.min(...near.values());
        for (const [word, score] of near) if (!found.has(word) && score <= nearest + 0.1) found.set(word, 0.8 * (1 - score));
      }
    }
    if (wordCache.size > 500) wordCache.clear();
    wordCache.set(term, found);
    return found;
  };

  /** Per record: how well one term matches it (best word, plus half of the others it holds). */
  const termScores = (words: Map<string, number>): Map<number, number> => {
    const best = new Map<number, number>();
    const sum = new Map<number, number>();
    for (const [word, quality] of words) {
      for (const [index, weight] of postings.get(word) ?? []) {
        best.set(index, Math.max(best.get(index) ?? 0, quality * weight));
        sum.set(index, (sum.get(index) ?? 0) + quality * weight);
      }
    }
    // Capped, so a question naming a word in many forms (`ContextDecorator`, `AsyncContextDecorator`…)
    // does not outrank one that is about the word.
    return new Map([...best].map(([index, top]) => [index, top + 0.5 * Math.min(top, sum.get(index)! - top)]));
  };

  /** Which fields of a record hold one of the matched words, with the tags and keywords that did. */
  const placesOf = (record: SearchRecord, matched: ReadonlySet<string>): MatchPlace[] => {
    const holds = (text: string) => tokenize(text).some((t) => matched.has(t.word));
    const places: MatchPlace[] = [];
    const tags = record.tags.filter(holds);
    if (tags.length) places.push({ field: 'tags', terms: tags });
    const keywords = [...new Set(record.keywords.split(' ').filter((k) => k && holds(k)))].slice(0, 4);
    if (keywords.length) places.push({ field: 'keywords', terms: keywords });
    if (!tags.length && !keywords.length && record.aliases && holds(record.aliases)) places.push({ field: 'aliases', terms: [] });
    if (holds(record.topicTitle)) places.push({ field: 'topic', terms: [] });
    if (holds(record.short)) places.push({ field: 'short', terms: [] });
    return places;
  };

  return {
    search(query, filters = {}, limit = Infinity) {
      const terms = queryTerms(query);
      if (!terms.length) return [];
      const content = terms.filter((t) => !t.stop);
      const totals = new Map<number, number>();
      const covered = new Map<number, number>();
      const inTitle = new Map<number, number>();
      const matchedWords = new Set<string>();
      let idfSum = 0;
      for (const term of terms) {
        // A stop word counts only as written (in code), never as the start of longer words.
        const words = term.stop ? new Map(postings.has(term.word) ? [[term.word, 1]] : []) : wordsFor(term.word);
        const scores = termScores(words);
        // Rare words say more about which question is meant than common ones.
        const idf = Math.log(1 + records.length / Math.max(1, scores.size));
        if (!term.stop) idfSum += idf;
        for (const word of words.keys()) matchedWords.add(word);
        const titleHeld = [...words].filter(([, quality]) => quality >= TITLE_MATCH_QUALITY).map(([word]) => word);
        for (const [index, score] of scores) {
          // A stop word only adds to questions other words already found.
          if (term.stop && !totals.has(index)) continue;
          totals.set(index, (totals.get(index) ?? 0) + score * idf * (term.stop ? STOP_WORD_WEIGHT : 1));
          if (term.stop) continue;
          covered.set(index, (covered.get(index) ?? 0) + idf);
          if (titleHeld.some((word) => titleWords[index]!.has(word))) inTitle.set(index, (inTitle.get(index) ?? 0) + idf);
        }
      }
      const phrase = normalise(query.slice(0, MAX_QUERY_LENGTH));
      const exact = titles.get(phrase);
      const phraseWords = content.length > 1 || (content.length === 1 && isOperator(content[0]!.word));
      const ranked = new Map<number, number>();
      for (const [index, score] of totals) {
        const coverage = (covered.get(index) ?? 0) / (idfSum || 1);
        const titleShare = (inTitle.get(index) ?? 0) / (idfSum || 1);
        // How much of the title the query accounts for: "What is a decorator?" beats a longer
        // title that also mentions decorators.
        const ownWords = [...titleWords[index]!].filter((w) => !isOperator(w) && !STOP_WORDS.has(w));
        const focus = ownWords.length ? ownWords.filter((w) => matchedWords.has(w)).length / ownWords.length : 0;
        let rank = score * coverage * coverage * (1 + titleShare) * (1 + focus) ** 2;
        if (phraseWords && normalTitles[index]!.includes(phrase)) rank += 1e6;
        ranked.set(index, rank);
      }
      if (exact !== undefined) ranked.set(exact, Infinity);
      const keep = (r: SearchRecord) => (!filters.topic || r.topic === filters.topic) && (!filters.difficulty || r.difficulty === filters.difficulty);
      return [...ranked]
        .filter(([index, score]) => score > 0 && keep(records[index]!))
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([index, score]) => {
          const record = records[index]!;
          return {
            record,
            score,
            title: highlightWords(record.title, matchedWords),
            snippet: highlightWords(record.short, matchedWords),
            places: placesOf(record, matchedWords),
          };
        });
    },

    suggest(query) {
      const terms = queryTerms(query).filter((t) => !t.stop && !isOperator(t.word));
      let changed = false;
      const words = terms.map(({ word }) => {
        // A word the deck holds, or starts (the learner is still typing it), needs no correction.
        if (postings.has(word) || word.length < MIN_FUZZY_LENGTH || vocabulary.some((w) => w.startsWith(word))) return word;
        // The word the search itself took it for, else a looser guess: a question to the learner, not a result.
        const closeness = (w: string) => (w[0] === word[0] ? 0 : 10) + Math.abs(w.length - word.length);
        const taken = [...wordsFor(word)].sort((a, b) => b[1] - a[1] || closeness(a[0]) - closeness(b[0]) || postings.get(b[0])!.size - postings.get(a[0])!.size)[0];
        if (taken) {
          changed = true;
          return taken[0];
        }
        // A first letter is rarely the one mistyped: keeping it stops "kubernetes" → "generates".
        const near = [...typos(word, 0.45, Math.max(MAX_PAIRS_CHANGED, Math.ceil(word.length / 3)), 3)]
          .filter(([w]) => w[0] === word[0])
          .sort(
            (a, b) =>
              a[1] - b[1] ||
              Math.abs(a[0].length - word.length) - Math.abs(b[0].length - word.length) ||
              postings.get(b[0])!.size - postings.get(a[0])!.size,
          );
        const best = near[0]?.[0];
        if (!best) return word;
        changed = true;
        return best;
      });
      const corrected = changed ? words.join(' ') : undefined;
      const counts = new Map<string, { title: string; count: number }>();
      for (const word of words) {
        for (const index of postings.get(word)?.keys() ?? []) {
          const { topic, topicTitle } = records[index]!;
          const entry = counts.get(topic) ?? { title: topicTitle, count: 0 };
          entry.count++;
          counts.set(topic, entry);
        }
      }
      const topics = [...counts]
        .sort((a, b) => b[1].count - a[1].count)
        .slice(0, 3)
        .map(([id, { title }]) => ({ id, title }));
      return { query: corrected, topics };
    },
  };
}
