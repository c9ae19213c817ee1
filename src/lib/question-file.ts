/**
 * Reading a question file: front matter, the Markdown tree (remark-parse + remark-gfm, the
 * same parser family the site renders with), its sections and its code blocks. Shared by the
 * content checker, the snippet checker and the search index, so all of them read a file the
 * same way.
 */
import yaml from 'js-yaml';
import type { Code, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A file's front matter split from its body. */
export interface SplitFile {
  /** The YAML between the `---` lines, or null when the file has none. */
  yaml: string | null;
  /** Everything after the closing `---`. */
  body: string;
  /** How many lines precede the body, to turn body line numbers into file line numbers. */
  bodyOffset: number;
}

/** Splits `---` front matter from the Markdown body. */
export function splitFrontmatter(text: string): SplitFile {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { yaml: null, body: text, bodyOffset: 0 };
  const head = match[0];
  return { yaml: match[1] ?? '', body: text.slice(head.length), bodyOffset: head.split('\n').length - 1 };
}

/** The result of reading front matter YAML: the data, or why it could not be read. */
export type YamlResult = { ok: true; data: unknown } | { ok: false; reason: string };

/** Parses front matter YAML, turning a syntax error into a one-line reason with its file line. */
export function parseYaml(source: string, lineOffset = 1): YamlResult {
  try {
    return { ok: true, data: yaml.load(source) };
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      return { ok: false, reason: `invalid YAML at line ${error.mark.line + 1 + lineOffset}: ${error.reason}` };
    }
    throw error;
  }
}

const TREES = Symbol.for('recall.markdown-trees');
/** The Markdown parser of question bodies (`parseMarkdown` keeps what it makes; this does not). */
export const markdownParser = unified().use(remarkParse).use(remarkGfm);
// A build reads each body several times (its question page, its study page, the search index,
// the flashcards); parsing it once per process instead was most of a 1,000-question build's time.
// A tree costs about 60 KB of memory. One map for the whole process: the content loader and the
// built pages each load their own copy of this module, and the loader fills the map with the
// trees its Markdown workers parsed (src/loaders/parallel-markdown.ts), so pages parse nothing.
// Those arrive as JSON, read on first use: about 40 times cheaper than parsing the Markdown.
const trees: Map<string, Root | string> = ((globalThis as { [TREES]?: Map<string, Root | string> })[TREES] ??= new Map());

/** Keeps the tree `markdownParser` made of a body elsewhere (a Markdown worker), as JSON, for `parseMarkdown`. */
export function rememberTree(body: string, json: string): void {
  trees.set(body, json);
}

/** True once `parseMarkdown` has a body's tree, or its JSON, and would not parse it. */
export function hasTree(body: string): boolean {
  return trees.has(body);
}

/** Parses a Markdown body into an mdast tree, once per distinct body; the tree is shared, so never change it. */
export function parseMarkdown(body: string): Root {
  const kept = trees.get(body);
  if (typeof kept === 'object') return kept;
  const tree = kept === undefined ? markdownParser.parse(body) : (JSON.parse(kept) as Root);
  trees.set(body, tree);
  return tree;
}

/** One `##` section of a question body. */
export interface Section {
  title: string;
  /** 1-based line of the heading within the body. */
  line: number;
  nodes: RootContent[];
}

/** Plain text of an mdast node (headings, paragraphs, list items). */
export function textOf(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

/** Splits a body tree into its level-2 sections; content before the first heading is dropped. */
export function sectionsOf(tree: Root): Section[] {
  const sections: Section[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      sections.push({ title: textOf(node).trim(), line: node.position?.start.line ?? 0, nodes: [] });
    } else {
      sections.at(-1)?.nodes.push(node);
    }
  }
  return sections;
}

/** A fence's info string after the language, read as `flag` and `key=value` / `key="a b"` tokens. */
export type FenceMeta = Record<string, string | true>;

/**
 * Parses a fence meta string such as `raises=TypeError`, `norun="needs Flask"` or
 * `native="needs threads"` (run on the system python3, not Pyodide). A flag without a value is `true`.
 */
export function parseFenceMeta(meta: string | null | undefined): FenceMeta {
  const result: FenceMeta = {};
  for (const match of (meta ?? '').matchAll(/([\w-]+)(?:=(?:"([^"]*)"|(\S+)))?/g)) {
    const [, key, quoted, bare] = match;
    if (key) result[key] = quoted ?? bare ?? true;
  }
  return result;
}

/** A fenced code block with its parsed meta and position. */
export interface CodeBlock {
  lang: string;
  meta: FenceMeta;
  code: string;
  /** 1-based line of the opening fence within the body. */
  line: number;
  /** The output block directly after this one, when there is one. */
  output?: { text: string; line: number };
}

/** True for a ```text output block: the shown output of the block before it. */
export function isOutputBlock(node: Code): boolean {
  return parseFenceMeta(node.meta).output === true;
}

/** Every fenced code block in the body, in order, each paired with the output block after it. */
export function codeBlocksOf(tree: Root): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const visit = (nodes: RootContent[]) => {
    nodes.forEach((node, i) => {
      if (node.type === 'code') {
        if (isOutputBlock(node)) return;
        const block: CodeBlock = {
          lang: node.lang ?? '',
          meta: parseFenceMeta(node.meta),
          code: node.value,
          line: node.position?.start.line ?? 0,
        };
        const next = nodes[i + 1];
        if (next?.type === 'code' && isOutputBlock(next)) {
          block.output = { text: next.value, line: next.position?.start.line ?? 0 };
        }
        blocks.push(block);
      } else if ('children' in node) {
        visit(node.children as RootContent[]);
      }
    });
  };
  visit(tree.children);
  return blocks;
}

/** Every output block that does not directly follow a code block, by body line: a layout mistake. */
export function strayOutputBlocks(tree: Root): number[] {
  const stray: number[] = [];
  const visit = (nodes: RootContent[]) => {
    nodes.forEach((node, i) => {
      if (node.type === 'code' && isOutputBlock(node)) {
        const previous = nodes[i - 1];
        if (previous?.type !== 'code' || isOutputBlock(previous)) stray.push(node.position?.start.line ?? 0);
      } else if ('children' in node) {
        visit(node.children as RootContent[]);
      }
    });
  };
  visit(tree.children);
  return stray;
}

/** Counts the words of a text, as a reader would. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
