/**
 * The content checker: validates a deck's metadata and every question file against the one
 * schema, plus what a schema cannot see (topics, duplicates, sections), and reports every
 * problem of every file at once as `path: field: reason`.
 */
import type { List, RootContent } from 'mdast';
import type { ZodError } from 'astro/zod';
import { deckSchema, type DeckData } from '../schemas/deck.ts';
import { questionSchema, SECTIONS, type QuestionData } from '../schemas/question.ts';
import {
  codeBlocksOf,
  parseMarkdown,
  parseYaml,
  sectionsOf,
  splitFrontmatter,
  strayOutputBlocks,
  textOf,
  wordCount,
} from './question-file.ts';

/** A file to check: its path (as shown in messages) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** One problem found: the file, the field (or section) and what is wrong with it. */
export interface Problem {
  path: string;
  field: string;
  reason: string;
}

/** A question file that passed the checks. */
export interface CheckedQuestion {
  id: string;
  path: string;
  data: QuestionData;
}

/** Formats a problem the way the checker prints it. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.field}: ${problem.reason}`;
}

/** The question id a file path gives: its file name without `.md`. */
export function idFromPath(path: string): string {
  return (path.split('/').at(-1) ?? path).replace(/\.md$/, '');
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Fence languages whose blocks the snippet checker runs. */
const RUN_LANG = 'python';
/** Fence meta keys a python block may carry. */
const PYTHON_META = new Set(['raises', 'norun', 'native']);
/** Spoken-answer length, in words: about 30 seconds aloud. */
const SPOKEN_WORDS = { min: 70, max: 110 };
/** How many key points make a usable rubric. */
const KEY_POINTS = { min: 3, max: 5 };

/** Turns schema issues into problems; `input` is the data that was checked, to tell "missing" from "wrong". */
function zodProblems(path: string, error: ZodError, input: unknown): Problem[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const fields = issue.keys.map((key) => [...issue.path.map(String), key].join('.'));
      return { path, field: fields.join(', '), reason: 'unknown field (check the spelling)' };
    }
    const field = issue.path.map(String).join('.') || '(front matter)';
    let value: unknown = input;
    for (const key of issue.path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    // A missing field is "required"; a rule about an absent field keeps its own reason.
    return { path, field, reason: value === undefined && issue.code !== 'custom' ? 'is required' : issue.message };
  });
}

/** Checks a deck's `deck.yaml`. */
export function checkDeckFile(file: SourceFile): { deck?: DeckData; problems: Problem[] } {
  const parsed = parseYaml(file.text, 0);
  if (!parsed.ok) return { problems: [{ path: file.path, field: '(file)', reason: parsed.reason }] };
  const result = deckSchema.safeParse(parsed.data);
  if (!result.success) return { problems: zodProblems(file.path, result.error, parsed.data) };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  result.data.topics.forEach((topic, i) => {
    if (seen.has(topic.id)) problems.push({ path: file.path, field: `topics.${i}.id`, reason: `duplicate topic "${topic.id}"` });
    seen.add(topic.id);
  });
  return problems.length ? { problems } : { deck: result.data, problems };
}

function checkBody(path: string, body: string, bodyOffset: number): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ path, field, reason });
  const tree = parseMarkdown(body);
  const sections = sectionsOf(tree);
  const titles = sections.map((s) => s.title);
  const at = (line: number) => `line ${line + bodyOffset}`;

  for (const section of sections) {
    if (!(SECTIONS as readonly string[]).includes(section.title)) {
      add(`section "${section.title}"`, `unknown section at ${at(section.line)}; sections are: ${SECTIONS.join(', ')}`);
    } else if (titles.indexOf(section.title) !== titles.lastIndexOf(section.title)) {
      add(`section "${section.title}"`, `appears more than once (${at(section.line)})`);
    }
  }
  for (const name of SECTIONS) {
    const section = sections.find((s) => s.title === name);
    if (!section) {
      add(`section "${name}"`, 'is missing');
    } else if (section.nodes.length === 0) {
      add(`section "${name}"`, `is empty (${at(section.line)})`);
    }
  }
  const known = titles.filter((t) => (SECTIONS as readonly string[]).includes(t));
  const expected = SECTIONS.filter((s) => known.includes(s));
  if (known.join('|') !== expected.join('|')) {
    add('sections', `out of order: found ${known.join(', ')}; expected ${SECTIONS.join(', ')}`);
  }

  const section = (name: string) => sections.find((s) => s.title === name)?.nodes ?? [];
  const example = section('Example');
  if (example.length && !example.some((n) => n.type === 'code' && n.lang === RUN_LANG)) {
    add('section "Example"', 'needs at least one ```python block');
  }
  const spoken = section('Say it in 30 seconds');
  if (spoken.length) {
    const words = wordCount(spoken.map(textOf).join(' '));
    if (words < SPOKEN_WORDS.min || words > SPOKEN_WORDS.max) {
      add('section "Say it in 30 seconds"', `has ${words} words; write ${SPOKEN_WORDS.min}–${SPOKEN_WORDS.max}`);
    }
  }
  const keyPoints = section('Key points');
  if (keyPoints.length) {
    const lists = keyPoints.filter((n): n is List => n.type === 'list');
    const items = lists.reduce((sum, list) => sum + list.children.length, 0);
    if (lists.length !== 1 || items < KEY_POINTS.min || items > KEY_POINTS.max) {
      add('section "Key points"', `must be one list of ${KEY_POINTS.min}–${KEY_POINTS.max} points (found ${items})`);
    }
  }
  const followUp = section('Follow-up');
  const first: RootContent | undefined = followUp[0];
  if (first && !(first.type === 'paragraph' && first.children.length === 1 && first.children[0]?.type === 'strong')) {
    add('section "Follow-up"', 'must start with the follow-up question as a bold line');
  } else if (first && followUp.length < 2) {
    add('section "Follow-up"', 'needs an answer after the bold question');
  }

  for (const block of codeBlocksOf(tree)) {
    if (block.lang === '') add(`code block at ${at(block.line)}`, 'needs a language (```python, ```bash, …)');
    if (block.lang !== RUN_LANG) continue;
    for (const key of Object.keys(block.meta)) {
      if (!PYTHON_META.has(key)) add(`code block at ${at(block.line)}`, `unknown fence option "${key}" (use raises=, norun= or native=)`);
    }
    if (block.meta.norun === true || block.meta.norun === '') {
      add(`code block at ${at(block.line)}`, 'norun needs a reason: norun="needs Flask installed"');
    }
    if (block.meta.native === true || block.meta.native === '') {
      add(`code block at ${at(block.line)}`, 'native needs a reason: native="needs threads"');
    }
    if (block.meta.native !== undefined && block.meta.norun !== undefined) {
      add(`code block at ${at(block.line)}`, 'a block is either norun (not run) or native (run on the system python3), not both');
    }
    if (block.meta.raises === true) add(`code block at ${at(block.line)}`, 'raises needs an exception name: raises=TypeError');
    if (block.meta.norun !== undefined && block.output) {
      add(`code block at ${at(block.line)}`, 'a norun block cannot have an output block: its output cannot be checked');
    }
  }
  const visitTables = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'table') {
        node.children[0]?.children.forEach((cell, i) => {
          if (!textOf(cell).trim()) add(`table at ${at(node.position?.start.line ?? 0)}`, `header cell ${i + 1} is empty: name every column`);
        });
      } else if ('children' in node) visitTables(node.children as RootContent[]);
    }
  };
  visitTables(tree.children);
  // Our Markdown processor leaves out Astro's image steps (src/lib/markdown-processor.ts).
  const visitImages = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'image' || node.type === 'imageReference') add(`image at ${at(node.position?.start.line ?? 0)}`, 'question files have no images: describe it in words or show it as code');
      else if ('children' in node) visitImages(node.children as RootContent[]);
    }
  };
  visitImages(tree.children);
  for (const line of strayOutputBlocks(tree)) {
    add(`code block at ${at(line)}`, 'an output block must directly follow the code block it belongs to');
  }
  return problems;
}

/**
 * Checks every question file of a deck and returns all problems of all files, plus the
 * questions that passed. Pass the deck as checked by `checkDeckFile` (undefined when it failed:
 * topics then cannot be checked).
 */
export function checkQuestionFiles(
  files: readonly SourceFile[],
  deck: DeckData | undefined,
): { questions: CheckedQuestion[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const questions: CheckedQuestion[] = [];
  const topics = new Set(deck?.topics.map((t) => t.id));
  const byId = new Map<string, string>();
  const byTitle = new Map<string, string>();

  for (const file of files) {
    const fileProblems: Problem[] = [];
    const add = (field: string, reason: string) => fileProblems.push({ path: file.path, field, reason });
    const id = idFromPath(file.path);
    if (!KEBAB.test(id)) add('id', `file name "${id}" must be lowercase kebab-case, e.g. late-binding-closures.md`);
    const earlier = byId.get(id);
    if (earlier) add('id', `duplicate id "${id}": also ${earlier}`);
    else byId.set(id, file.path);

    const split = splitFrontmatter(file.text);
    let data: QuestionData | undefined;
    if (split.yaml === null) {
      add('front matter', 'is missing: the file must start with a --- block');
    } else {
      const parsed = parseYaml(split.yaml);
      if (!parsed.ok) {
        add('front matter', parsed.reason);
      } else if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
        add('front matter', 'must be a YAML mapping of fields');
      } else {
        const result = questionSchema.safeParse(parsed.data);
        if (result.success) data = result.data;
        else fileProblems.push(...zodProblems(file.path, result.error, parsed.data));
      }
    }
    if (data) {
      if (deck && !topics.has(data.topic)) {
        add('topic', `unknown topic "${data.topic}"; the deck's topics are: ${[...topics].join(', ')}`);
      }
      const key = data.title.toLowerCase().replace(/\s+/g, ' ');
      const twin = byTitle.get(key);
      if (twin) add('title', `duplicate title: also ${twin}`);
      else byTitle.set(key, file.path);
    }
    fileProblems.push(...checkBody(file.path, split.body, split.bodyOffset));
    problems.push(...fileProblems);
    if (data && fileProblems.length === 0) questions.push({ id, path: file.path, data });
  }
  return { questions, problems };
}
