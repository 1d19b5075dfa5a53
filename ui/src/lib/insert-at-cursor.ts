// Inserting a snippet where the caret was in a textarea, as if typed: the bound value updates
// through a normal `input` event, the caret lands after the snippet, and undo in the browser
// keeps working where execCommand is available.

/** The last template editor the admin was in, and where its caret was. */
export interface CaretSpot {
  element: HTMLTextAreaElement;
  start: number;
  end: number;
}

export function rememberCaret(element: HTMLTextAreaElement): CaretSpot {
  return { element, start: element.selectionStart, end: element.selectionEnd };
}

export function insertAtCaret(spot: CaretSpot, text: string) {
  const { element } = spot;
  element.focus();
  element.setSelectionRange(spot.start, spot.end);
  // execCommand keeps the browser's undo stack; fall back to setRangeText where it is gone.
  const inserted = typeof document.execCommand === 'function' && document.execCommand('insertText', false, text);
  if (!inserted) {
    element.setRangeText(text, spot.start, spot.end, 'end');
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }
}
