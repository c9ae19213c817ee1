/** Site-wide constants. */

/** The site's name, shown in the header and page titles. */
export const SITE_TITLE = 'Recall';

/** The site's one-line description, for the home page and search engines. */
export const SITE_DESCRIPTION =
  'Free interview preparation: read questions, answer from memory, check yourself, and drill with spaced-repetition flashcards. Starting with Python.';

/** The deck the header links to. */
export const MAIN_DECK = 'python';

/** The header link a page belongs to, marked as the current one. */
export type Section = 'home' | 'study' | 'topics' | 'cards' | 'progress';
