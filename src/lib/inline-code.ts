/** One run of a short text: plain text, or code that was written between backticks. */
export interface TextPart {
  text: string;
  code: boolean;
}

/**
 * Splits a title or short answer at its backticks so a page can render the code parts as
 * `<code>` without treating any of the text as HTML.
 * @example inlineCodeParts('Why is `a is b` True?') // [{text:'Why is ',code:false},{text:'a is b',code:true},{text:' True?',code:false}]
 */
export function inlineCodeParts(source: string): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of source.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: source.slice(last, match.index), code: false });
    parts.push({ text: match[1] ?? '', code: true });
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push({ text: source.slice(last), code: false });
  return parts;
}

/** The same text with backticks removed, for page titles and attributes. */
export function plainText(source: string): string {
  return inlineCodeParts(source)
    .map((part) => part.text)
    .join('');
}
