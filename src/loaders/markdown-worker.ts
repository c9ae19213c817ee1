/**
 * A worker thread that renders question Markdown exactly as the main thread would, with the
 * processor and plugins of src/lib/markdown.ts (src/loaders/parallel-markdown.ts sends it one
 * file at a time). That processor reads none of Astro's shared Markdown settings, so none are sent.
 *
 * Each reply also carries what page generation would otherwise work out again: the body's
 * Markdown tree as parsed, before any plugin changed it (the tree `parseMarkdown` makes, read for
 * the search index, the cards and more), and the tokens of the card's example, which this
 * render has just highlighted. A warm build renders only the files that changed; for the others
 * the loader asks for just these (`parseOnly`).
 */
import type { Root } from 'mdast';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { highlightCode } from '../lib/code-tokens.ts';
import { exampleBlockOf } from '../lib/flashcards.ts';
import { markdownConfig } from '../lib/markdown.ts';
import { questionMarkdown } from '../lib/markdown-processor.ts';
import { markdownParser } from '../lib/question-file.ts';
import type { BodyFacts, RenderReply, RenderRequest } from './parallel-markdown.ts';

/** Each body's tree as parsed (in JSON) and its card example's code, until its render is done (renders interleave at their awaits). */
const parsed = new Map<string, { tree: string; example: string | undefined }>();
// First among the remark plugins, so it sees the tree straight from the parser. JSON, because the
// plugins after it change the tree in place, and because JSON is the cheapest copy to make, to
// send and to read back (a third of the cost of structured cloning).
const keepParsedTree = () => (tree: Root, file: { value: unknown }) => void parsed.set(String(file.value), { tree: JSON.stringify(tree), example: exampleBlockOf(tree)?.code });
const { options } = markdownConfig.processor;
const renderer = await questionMarkdown({ ...options, remarkPlugins: [keepParsedTree, ...options.remarkPlugins] }).createRenderer({});

/** A body's facts for page generation, from its tree and its card example's code. */
async function factsOf(tree: string | undefined, example: string | undefined): Promise<BodyFacts> {
  // A rendered example was highlighted by the render, and remembered (src/lib/code-highlight.ts).
  return { ...(tree ? { tree } : {}), ...(example !== undefined ? { example: { code: example, tokens: await highlightCode(example) } } : {}) };
}

// Messages that arrive while the renderer starts wait in the port's queue until this listener.
parentPort?.on('message', async ({ job, body, data, filePath, parseOnly }: RenderRequest) => {
  let reply: RenderReply;
  try {
    if (parseOnly) {
      const tree = markdownParser.parse(body);
      reply = { job, ...(await factsOf(JSON.stringify(tree), exampleBlockOf(tree)?.code)) };
    } else {
      const { code, metadata } = await renderer.render(body, { frontmatter: data, ...(filePath ? { fileURL: pathToFileURL(filePath) } : {}) });
      const { tree, example } = parsed.get(body) ?? {};
      const rendered = { html: code, metadata: { ...metadata, imagePaths: metadata.localImagePaths.concat(metadata.remoteImagePaths) } };
      reply = { job, rendered, ...(await factsOf(tree, example)) };
    }
  } catch (error) {
    reply = { job, error: error instanceof Error ? error.message : String(error) };
  }
  parsed.delete(body);
  parentPort?.postMessage(reply);
});
