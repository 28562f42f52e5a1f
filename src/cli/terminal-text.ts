/**
 * Characters that must not reach a terminal as they are: C0 controls (ESC starts the escape
 * sequences that recolour, move the cursor or retitle the window; CR overwrites a line), DEL,
 * C1 controls (U+009B is a one-byte CSI), the line and paragraph separators, and the bidi
 * controls that make text read differently from what it is.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (char: string, width: number): string =>
  char.charCodeAt(0).toString(16).padStart(width, '0');

/** One line of text as it may be shown: `\x1b`, `\r`, `\u202e` instead of the characters. */
export function escapeLine(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return NAMED[char] ?? (code <= 0xff ? `\\x${hex(char, 2)}` : `\\u${hex(char, 4)}`);
  });
}

/** What `JSON.stringify` leaves raw inside strings of the unsafe characters (it escapes C0). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for a terminal: `JSON.stringify` escapes C0 inside strings itself (the raw newlines
 * left are the layout's own); the rest of the unsafe characters become `\u` escapes, which a
 * JSON reader reads back as the same string.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (char) => `\\u${hex(char, 4)}`);
}
