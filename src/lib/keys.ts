/** True when keys typed at `target` belong to it (a text field, an editable area, a select). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], [role="textbox"]') !== null;
}

/**
 * Where the arrow keys belong to the focused element, not to paging: typing, a code block or a
 * table that scrolls sideways, an editor, a slider, a tab list or a media player.
 */
const OWNS_ARROWS = 'pre, table, [role="slider"], [role="tablist"], [role="listbox"], [role="menu"], [role="grid"], audio, video, .cm-editor';

/** True when ← and → at `target` move inside it (a caret, a scroll, a value) and must not change page. */
export function ownsArrowKeys(target: EventTarget | null): boolean {
  if (isTypingTarget(target)) return true;
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  return target.closest(OWNS_ARROWS) !== null;
}

/** Which pager link an arrow key asks for: "prev", "next", or null when the key is not for paging. */
export function keyTarget(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'defaultPrevented'>,
  target: EventTarget | null,
): 'prev' | 'next' | null {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (ownsArrowKeys(target)) return null;
  if (event.key === 'ArrowLeft') return 'prev';
  if (event.key === 'ArrowRight') return 'next';
  return null;
}
