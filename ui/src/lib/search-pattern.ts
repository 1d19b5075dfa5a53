// The registry's search, as Webitel's own lists search: `Part*` finds what starts with "Part",
// `*bot*` what contains "bot", `*bot` what ends with it; without a `*` a plain substring. Always
// case-insensitive; every character but `*` stands for itself. The same rules as core's
// search_pattern.rs (the CLI's --match), checked against one table of cases
// (tests/fixtures/search-patterns.json) by both.

/** A test for one field's text, made once per search (not once per row). */
export type FieldTest = (text: string) => boolean;

/** `lowered`: the texts it will be given are lowercased already (the registry does it once). */
export function searchPattern(pattern: string, lowered = false): FieldTest {
  const needle = pattern.trim().toLowerCase();
  if (!needle) return () => true;
  const lower = lowered ? (text: string) => text : (text: string) => text.toLowerCase();
  if (!needle.includes('*')) return (text) => lower(text).includes(needle);
  const parts = needle.split('*');
  const first = parts[0];
  const last = parts[parts.length - 1];
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  return (text) => {
    const hay = lower(text);
    if (!hay.startsWith(first)) return false;
    let at = first.length;
    for (const part of middle) {
      const found = hay.indexOf(part, at);
      if (found < 0) return false;
      at = found + part.length;
    }
    // The tail must fit after what the head and the middle used.
    return hay.length - last.length >= at && hay.endsWith(last);
  };
}
