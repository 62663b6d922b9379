// Whether a file is text Covenant can read, and text for people: one implementation for the command line
// and the language server (a binary opened in the editor gets one finding, not one per stray byte).

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

export const NUL_BYTES = "not a text file: it holds NUL bytes (Covenant files are UTF-8 text)";
export const NOT_UTF8 = "not a text file: it is not valid UTF-8 (Covenant files are UTF-8 text)";
export const CONTROL_BYTES = "not a text file: it holds control characters (Covenant files are UTF-8 text)";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A file's bytes as text, or why they are not Covenant text. */
export function textOf(bytes: Uint8Array): { text: string } | { notText: string } {
  if (bytes.includes(0)) return { notText: NUL_BYTES };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { notText: NOT_UTF8 };
  }
  const problem = notText(text);
  return problem ? { notText: problem } : { text };
}

// Controls that no text editor writes into a contract (tab, line feed, form feed and carriage return are text).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/**
 * Why an editor's text is not a Covenant file (a binary decoded by the editor), or undefined. A stray
 * control character or two in a real contract is a syntax error at its place; a file full of them is not text.
 */
export function notText(text: string): string | undefined {
  if (text.includes("\u0000")) return NUL_BYTES;
  const controls = (text.match(CONTROL) ?? []).length;
  // The editor shows bytes that are not UTF-8 as U+FFFD.
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced >= 8 && replaced * 100 > text.length) return NOT_UTF8;
  if (controls >= 8 && controls * 100 > text.length) return CONTROL_BYTES;
  return undefined;
}
