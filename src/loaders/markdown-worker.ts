/**
 * A worker thread that renders question Markdown exactly as Astro's own Markdown entry type does
 * (src/loaders/parallel-markdown.ts sends it one file at a time). The settings Astro resolved
 * arrive as worker data; the plugins and transformers, which are functions and cannot be sent,
 * come from the one shared definition in src/lib/markdown.ts.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { markdownConfig } from '../lib/markdown.ts';
import type { RenderReply, RenderRequest, RenderSettings } from './parallel-markdown.ts';

const settings = (workerData as { settings: RenderSettings }).settings;
const renderer = await markdownConfig.processor.createRenderer({
  ...settings,
  shikiConfig: { ...settings.shikiConfig, transformers: markdownConfig.shikiConfig.transformers },
});

// Messages that arrive while the renderer starts wait in the port's queue until this listener.
parentPort?.on('message', async ({ job, body, data, filePath }: RenderRequest) => {
  let reply: RenderReply;
  try {
    const { code, metadata } = await renderer.render(body, { frontmatter: data, ...(filePath ? { fileURL: pathToFileURL(filePath) } : {}) });
    reply = { job, html: code, metadata: { ...metadata, imagePaths: metadata.localImagePaths.concat(metadata.remoteImagePaths) } };
  } catch (error) {
    reply = { job, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
