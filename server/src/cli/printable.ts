// Text for people: a message or a path never carries a raw control character to a terminal or a log.

// C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional overrides and
// isolates that can make a line read differently from what it holds ("Trojan Source").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unprintable character written as `\uXXXX`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0"));
}

/** Like `printable`, but keeps line breaks, for formats that escape them in their own way. */
export function printableKeepingLineBreaks(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => (ch === "\n" || ch === "\r" ? ch : "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0")));
}
