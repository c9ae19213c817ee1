/**
 * The colour theme: "auto" follows the system; "light" or "dark" is the learner's choice,
 * kept in localStorage and applied as `data-theme` on <html> (see src/styles/props.css).
 */

/** The choices the theme menu offers. */
export const THEMES = ['auto', 'light', 'dark'] as const;
/** One theme choice. */
export type Theme = (typeof THEMES)[number];

/** The localStorage key of the theme choice. */
export const THEME_KEY = 'recall:v1:theme';

/** Reads a stored theme choice; anything unknown means "auto". */
export function parseTheme(value: string | null | undefined): Theme {
  return value === 'light' || value === 'dark' ? value : 'auto';
}

/**
 * The script that applies a stored theme before the first paint, inlined in <head> so the page
 * never flashes the wrong theme. Its hash is added to the Content-Security-Policy in
 * astro.config.mjs, so keep it byte-for-byte as the layout inlines it.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
