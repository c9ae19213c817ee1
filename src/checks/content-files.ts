/** Finding a deck's files on disk, for the command-line checkers. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../lib/content-check.ts';

/** The content folder, relative to the project root the npm scripts run in. */
export const CONTENT_DIR = 'content';

/** Every deck folder: a folder of `content/` holding a `deck.yaml`. */
export function deckFolders(root = CONTENT_DIR): string[] {
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
}

/** Reads a file as a SourceFile whose path is relative to the working directory. */
export function readSource(path: string): SourceFile {
  return { path: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') };
}

/** Every question file (`*.md`) below a deck folder, sorted by path. */
export function questionFiles(deckDir: string): SourceFile[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  walk(deckDir);
  return found.map(readSource);
}
