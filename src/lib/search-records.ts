/**
 * Search records: what the search index holds for one question. Built at build time from the
 * question's front matter and Markdown body; the browser only ever reads the finished records.
 */
import type { Root, RootContent } from 'mdast';
import type { Difficulty } from './deck.ts';
import { parseMarkdown } from './question-file.ts';
import { OPERATOR, tokenize } from './search-text.ts';

/** One question in the search index. */
export interface SearchRecord {
  id: string;
  url: string;
  title: string;
  short: string;
  topic: string;
  topicTitle: string;
  difficulty: Difficulty;
  tags: string[];
  /** Terms drawn from the answer: code identifiers, operators and bold phrases, space-separated. */
  keywords: string;
  /** The deck's synonyms of words and phrases the question contains, space-separated (often empty). */
  aliases: string;
}

/** What a record is built from: its fields, less the keywords, plus the Markdown body they come from. */
export interface RecordSource extends Omit<SearchRecord, 'keywords' | 'tags' | 'aliases'> {
  tags: readonly string[];
  /** The question's Markdown body. */
  body: string;
}

/** Identifier-like tokens: names, dotted names and dunders (`__iadd__`, `functools.wraps`). */
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g;
/** Words too common in answers to help find one question. */
const COMMON = new Set([
  'and', 'as', 'def', 'else', 'for', 'from', 'if', 'import', 'in', 'is', 'not', 'or', 'print', 'return',
  'self', 'the', 'true', 'false', 'none', 'with', 'pass', 'while', 'int', 'str', 'list', 'dict', 'len',
]);
/** The most keywords one record keeps, so the index stays small. */
const MAX_KEYWORDS = 40;

/** True for an identifier worth indexing from a code block: dunders, CamelCase names, dotted names, keywords like nonlocal. */
function isDistinctive(name: string): boolean {
  return /^__\w+__$/.test(name) || /^[A-Z][a-z]+[A-Z]\w*$/.test(name) || /[A-Za-z]\.[A-Za-z]/.test(name) || /^[A-Z][a-z]+(?:Error|Exception|Warning|Iteration|Exit)$/.test(name) || name === 'nonlocal' || name === 'global' || name === 'yield' || name === 'await' || name === 'async' || name === 'lambda';
}

/**
 * The keyword field of a question: identifiers in inline code, distinctive identifiers from
 * code blocks, and bold phrases, in order of first appearance, without duplicates.
 * @example extractKeywords('Use `nonlocal` to rebind; a **closure** keeps it.') // "nonlocal closure"
 */
export function extractKeywords(body: string | Root): string {
  const tree = typeof body === 'string' ? parseMarkdown(body) : body;
  const seen = new Map<string, string>();
  const add = (term: string) => {
    const key = term.toLowerCase();
    if (term.length >= 3 && !COMMON.has(key) && !seen.has(key)) seen.set(key, term);
  };
  const visit = (node: RootContent | Root) => {
    if (node.type === 'inlineCode') {
      for (const [name] of node.value.matchAll(IDENTIFIER)) add(name);
      // Operators are searchable too (`:=`, `+=`, `**`); they are short, so the length rule skips them.
      for (const [op] of node.value.matchAll(OPERATOR)) if (!seen.has(op)) seen.set(op, op);
    } else if (node.type === 'code' && node.lang === 'python') {
      for (const [name] of node.value.matchAll(IDENTIFIER)) if (isDistinctive(name)) add(name);
    } else if (node.type === 'strong') {
      const text = node.children.map((c) => ('value' in c ? c.value : '')).join('').replace(/\s+/g, ' ').trim();
      if (text.length <= 40 && !text.endsWith('?')) add(text);
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  visit(tree);
  return [...seen.values()].slice(0, MAX_KEYWORDS).join(' ');
}

/** The words of a text as one space-separated, lowercased line with spaces at both ends, for phrase lookups. */
const wordLine = (text: string) => ` ${tokenize(text).map((t) => t.word).join(' ')} `;

/**
 * The synonyms a record gains from the deck's synonym groups: for every group with a member
 * found (as whole words) in `text`, the group's other members.
 * @example synonymAliases('What is the GIL?', [['gil', 'global interpreter lock']]) // "global interpreter lock"
 */
export function synonymAliases(text: string, groups: readonly (readonly string[])[]): string {
  const line = wordLine(text);
  const found: string[] = [];
  for (const group of groups) {
    const members = group.map((member) => ({ member, words: wordLine(member) }));
    if (!members.some(({ words }) => words.trim() && line.includes(words))) continue;
    for (const { member, words } of members) if (!line.includes(words)) found.push(member);
  }
  return found.join(' ');
}

/** Builds the search record of one question; `synonyms` are the deck's synonym groups. */
export function buildSearchRecord(source: RecordSource, synonyms: readonly (readonly string[])[] = []): SearchRecord {
  const { body, ...fields } = source;
  const keywords = extractKeywords(body);
  const aliases = synonymAliases([source.title, source.short, source.tags.join(' '), keywords].join(' \n '), synonyms);
  return { ...fields, tags: [...source.tags], keywords, aliases };
}
