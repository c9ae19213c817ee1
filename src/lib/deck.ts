/**
 * Deck ordering, paging and numbering: how a deck's questions are laid out for study.
 * Plain functions over plain data, so pages, search and flashcards agree on one order.
 */

/** The difficulty levels, in study order. */
export const DIFFICULTIES = ['basic', 'intermediate', 'advanced'] as const;

/** One of the difficulty levels. */
export type Difficulty = (typeof DIFFICULTIES)[number];

/** How each difficulty level is named to learners. */
export const DIFFICULTY_LABELS: Readonly<Record<Difficulty, string>> = {
  basic: 'Basic',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/** What ordering needs to know about a question. */
export interface Orderable {
  id: string;
  title: string;
  topic: string;
  difficulty: Difficulty;
  order: number;
}

/**
 * Sorts questions into study order: deck topic order, then difficulty, then `order`, then title.
 * @example sortQuestions(questions, ['objects', 'containers'])
 */
export function sortQuestions<T extends Orderable>(questions: readonly T[], topicOrder: readonly string[]): T[] {
  const topicRank = (q: T) => {
    const i = topicOrder.indexOf(q.topic);
    return i === -1 ? topicOrder.length : i;
  };
  return [...questions].sort(
    (a, b) =>
      topicRank(a) - topicRank(b) ||
      DIFFICULTIES.indexOf(a.difficulty) - DIFFICULTIES.indexOf(b.difficulty) ||
      a.order - b.order ||
      a.title.localeCompare(b.title, 'en') ||
      a.id.localeCompare(b.id, 'en'),
  );
}

/** How many pages `total` questions fill at `pageSize` a page (at least 1). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The questions shown on 1-based `page`; empty for a page out of range. */
export function questionsForPage<T>(questions: readonly T[], page: number, pageSize: number): T[] {
  if (!Number.isInteger(page) || page < 1) return [];
  return questions.slice((page - 1) * pageSize, page * pageSize);
}

/** The 1-based question number of the first question on `page` ("Question 11" on page 2). */
export function firstNumberOnPage(page: number, pageSize: number): number {
  return (page - 1) * pageSize + 1;
}

/** The 1-based page a question at 0-based `index` in study order appears on. */
export function pageOfIndex(index: number, pageSize: number): number {
  return Math.floor(index / pageSize) + 1;
}

/** One entry of a pagination bar: a page number, or a gap standing for skipped pages. */
export type PageLink = { page: number } | { gap: true };

/**
 * The numbered links of a pagination bar: every page when there are few, otherwise the first,
 * the last and a window around the current page, with gaps between.
 * @example pageLinks(7, 20) // 1 … 5 6 7 8 9 … 20
 */
export function pageLinks(current: number, total: number, window = 2): PageLink[] {
  const shown = new Set<number>([1, total]);
  for (let p = current - window; p <= current + window; p++) if (p >= 1 && p <= total) shown.add(p);
  // Show every page when a gap would hide only one page: a gap must save space.
  const pages = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  let previous = 0;
  for (const page of pages) {
    if (page - previous === 2) links.push({ page: page - 1 });
    else if (page - previous > 2) links.push({ gap: true });
    links.push({ page });
    previous = page;
  }
  return links;
}

/** The path of a deck's study page, relative to the site root: page 1 is the deck's own path. */
export function studyPagePath(deck: string, page: number): string {
  return page <= 1 ? `/${deck}/` : `/${deck}/${page}/`;
}

/** The path of one question's own page. */
export function questionPath(deck: string, id: string): string {
  return `/${deck}/q/${id}/`;
}

/** The path of a topic page, or of the topic list when no topic is given. */
export function topicPath(deck: string, topic?: string): string {
  return topic ? `/${deck}/topics/${topic}/` : `/${deck}/topics/`;
}

/** The path of a deck's flashcards page; `query` (from drillQuery) selects a drill. */
export function cardsPath(deck: string, query = ''): string {
  return `/${deck}/cards/${query}`;
}

/** The path of a deck's Anki import file, made at build time. */
export function ankiPath(deck: string): string {
  return `/${deck}/anki.txt`;
}

/** The path of a deck's flashcard examples (fetched on a card's first flip), made at build time. */
export function cardExamplesPath(deck: string): string {
  return `/${deck}/card-examples.json`;
}

/** The path of a deck's flashcard data, made at build time. */
export function cardsDataPath(deck: string): string {
  return `/${deck}/cards.json`;
}

/** The path of a deck's mock interview page. */
export function mockPath(deck: string, query = ''): string {
  return `/${deck}/mock/${query}`;
}

/** The path of a deck's mock interview data (its cards with their follow-ups). */
export function mockDataPath(deck: string): string {
  return `/${deck}/mock.json`;
}
