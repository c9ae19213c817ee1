/**
 * Code colours without inline styles. Shiki writes each token's light and dark colour as a
 * `style` attribute, which a strict Content-Security-Policy forbids. This transformer moves
 * them into classes (`cl-24292e cd-e1e4e8`), and `codeColorsCss` writes the matching rules
 * from the themes themselves, so every colour a theme can produce has a class.
 */
import type { Element } from 'hast';
import type { ShikiTransformer, ThemeRegistrationRaw } from 'shiki';

/** The light and dark highlighting themes, by their shiki names. */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

const HEX = /^#[0-9a-f]{3,8}$/;

/** Every colour a theme can give a token, lowercased. */
export function themeColors(theme: Pick<ThemeRegistrationRaw, 'colors' | 'tokenColors' | 'settings'>): Set<string> {
  const colors = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && HEX.test(value.toLowerCase())) colors.add(value.toLowerCase());
  };
  add(theme.colors?.['editor.foreground']);
  for (const rule of [...(theme.tokenColors ?? []), ...(theme.settings ?? [])]) add(rule.settings?.foreground);
  return colors;
}

/** The class name for a colour in the light (`cl`) or dark (`cd`) theme. */
export function colorClass(kind: 'cl' | 'cd', color: string): string {
  return `${kind}-${color.toLowerCase().slice(1)}`;
}

/** CSS rules that give every class its colour; the span rule picks light or dark by scheme. */
export function codeColorsCss(light: ReadonlySet<string>, dark: ReadonlySet<string>): string {
  const rules = [
    '.astro-code span{color:light-dark(var(--cl,inherit),var(--cd,inherit))}',
    '.astro-code .fi{font-style:italic}.astro-code .fb{font-weight:bold}.astro-code .fu{text-decoration:underline}',
  ];
  for (const c of [...light].sort()) rules.push(`.${colorClass('cl', c)}{--cl:${c}}`);
  for (const c of [...dark].sort()) rules.push(`.${colorClass('cd', c)}{--cd:${c}}`);
  return `${rules.join('\n')}\n`;
}

/** Parses a shiki style attribute (`--shiki-light:#24292E;--shiki-dark:#E1E4E8;…`) into its declarations. */
export function parseStyle(style: string): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) declarations.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim());
  }
  return declarations;
}

/** Token style declarations → classes; throws on a colour the stylesheet would not have. */
export function styleToClasses(style: string, light: ReadonlySet<string>, dark: ReadonlySet<string>): string[] {
  const classes: string[] = [];
  for (const [name, value] of parseStyle(style)) {
    const lower = value.toLowerCase();
    if (name === '--shiki-light' || name === '--shiki-dark') {
      const known = name === '--shiki-light' ? light : dark;
      if (!known.has(lower)) throw new Error(`code colour ${value} (${name}) is not in the theme's colour list`);
      classes.push(colorClass(name === '--shiki-light' ? 'cl' : 'cd', lower));
    } else if (name.endsWith('font-style') && lower.includes('italic')) classes.push('fi');
    else if (name.endsWith('font-weight') && lower.includes('bold')) classes.push('fb');
    else if (name.endsWith('text-decoration') && lower.includes('underline')) classes.push('fu');
  }
  return [...new Set(classes)];
}

function addClasses(node: Element, classes: string[]) {
  // hast keeps className as a list; anything else is treated as one class name.
  const current: unknown = node.properties.className;
  const list = Array.isArray(current) ? current.map(String) : current ? String(current).split(' ') : [];
  node.properties.className = [...list, ...classes];
}

/** The transformer; put it before the labels in the highlighting plugin's transformers (src/lib/markdown.ts). */
export function codeColorClasses(light: ReadonlySet<string>, dark: ReadonlySet<string>): ShikiTransformer {
  return {
    name: 'recall:code-color-classes',
    span(node) {
      const style = node.properties.style;
      if (typeof style !== 'string') return;
      delete node.properties.style;
      addClasses(node, styleToClasses(style, light, dark));
    },
    // Background colours come from our stylesheet; overflow is in CSS too.
    pre(node) {
      delete node.properties.style;
    },
  };
}
