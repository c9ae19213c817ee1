/**
 * A short, stable fingerprint of a text (32-bit FNV-1a, 8 hex digits): enough to notice that
 * content changed, not a security hash.
 * @example contentFingerprint('a') // "e40c292c"
 */
export function contentFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The fingerprint of one question: its title, short answer and body. */
export function questionFingerprint(title: string, short: string, body: string): string {
  return contentFingerprint(`${title}\n${short}\n${body}`);
}
