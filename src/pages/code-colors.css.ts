import type { APIRoute } from 'astro';
import dark from 'shiki/themes/github-dark-default.mjs';
import light from 'shiki/themes/github-light-default.mjs';
import { codeColorsCss, themeColors } from '../lib/code-colors';

/** The stylesheet that colours highlighted code (see src/lib/code-colors.ts). */
export const GET: APIRoute = () =>
  new Response(codeColorsCss(themeColors(light), themeColors(dark)), { headers: { 'Content-Type': 'text/css' } });
