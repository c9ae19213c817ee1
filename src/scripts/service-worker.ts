/// <reference lib="webworker" />
/**
 * The service worker: the whole site from the cache, so it works offline after one visit.
 * Workbox precaches every built file by content hash (an update fetches only what changed and
 * removes what is gone); Python's runtime is cached on its first use. A new version waits
 * until the page asks it to take over (the learner chose "Reload"), so nothing changes under
 * an open page. Progress lives in localStorage, which no cache operation touches.
 */
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute, setCatchHandler, setDefaultHandler } from 'workbox-routing';
import { CacheFirst, NetworkOnly } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: PrecacheEntry[] };
/** The site's base path, e.g. "/" or "/recall/" (set when the build bundles this file). */
declare const __BASE__: string;
/** The folder of Python's runtime under the base. */
declare const __PYTHON_DIR__: string;

// Query strings select what a page shows (/search/?q=…, /python/cards/?topic=…); the file is the same.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

registerRoute(({ url }) => url.origin === self.location.origin && url.pathname.startsWith(`${__BASE__}${__PYTHON_DIR__}`), new CacheFirst({ cacheName: 'recall-python' }));

// Everything else goes to the network as usual.
setDefaultHandler(new NetworkOnly());

// Offline, a page that is not cached gets the site's own "not found" page rather than the browser's error.
setCatchHandler(async ({ request }) => {
  if (request.mode === 'navigate') return (await matchPrecache(`${__BASE__}404.html`)) ?? Response.error();
  return Response.error();
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
