/**
 * `npm run check:content`: validates every deck and question file under content/ and prints
 * every problem at once, as `path: field: reason`. Exits 1 when there is any.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkDeckFile, checkQuestionFiles, formatProblem, type Problem } from '../lib/content-check.ts';
import { CONTENT_DIR, deckFolders, questionFiles, readSource } from './content-files.ts';

const problems: Problem[] = [];
let questionCount = 0;
const decks = deckFolders();
for (const deckName of decks) {
  const deckDir = join(CONTENT_DIR, deckName);
  const deckPath = join(deckDir, 'deck.yaml');
  let deck;
  if (existsSync(deckPath)) {
    const checked = checkDeckFile(readSource(deckPath));
    deck = checked.deck;
    problems.push(...checked.problems);
  } else {
    problems.push({ path: deckPath, field: '(file)', reason: 'is missing: every deck folder needs a deck.yaml' });
  }
  const files = questionFiles(deckDir);
  questionCount += files.length;
  problems.push(...checkQuestionFiles(files, deck).problems);
}

for (const problem of problems) console.error(formatProblem(problem));
const files = problems.length ? new Set(problems.map((p) => p.path)).size : 0;
console.log(
  `check:content: ${questionCount} questions in ${decks.length} deck(s); ` +
    (problems.length ? `${problems.length} problem(s) in ${files} file(s)` : 'no problems'),
);
process.exitCode = problems.length ? 1 : 0;
