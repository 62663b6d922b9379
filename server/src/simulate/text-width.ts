// How wide a line of text may be drawn, without a font at hand: the SVG's boxes are sized from this. The
// widths (in em) are upper bounds for the sans-serif fonts a webview or browser falls back to — DejaVu Sans,
// the widest common one, sets most of them (its advances, measured in Chromium, are in
// test/fixtures/preview/dejavu-sans-widths.json and the tests hold the table above them) — so a box sized by
// them holds its text whichever font draws it. Wide characters (CJK, emoji, symbols) count as more than an em.

const NARROW = new Set("ijl|!.,:;'· ");
const HALF = new Set("frtI()[]/\\-\"*_`");
const ASCII: Record<string, number> = { m: 1.0, w: 0.85, M: 0.9, W: 1.02, "@": 1.02, "%": 0.97, "{": 0.66, "}": 0.66 };

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2190 && cp <= 0x2bff) || // arrows, technical and dingbat symbols (⚠, ✔)
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f000
  );
}

/** The advance of one character, in em, for a regular weight. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) {
    if (ch in ASCII) return ASCII[ch];
    if (NARROW.has(ch)) return 0.42;
    if (HALF.has(ch)) return 0.52;
    if (ch >= "a" && ch <= "z") return 0.66;
    if (ch >= "0" && ch <= "9") return 0.66;
    if (ch >= "A" && ch <= "Z") return 0.8;
    return 0.86;
  }
  if ((cp >= 0x0300 && cp <= 0x036f) || cp === 0x200b || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (cp === 0xb7) return 0.42;
  if (isWide(cp)) return 1.3;
  return 1.02;
}

/** Bold glyphs are up to 12 % wider than regular ones in DejaVu Sans; 15 % keeps a margin. */
export const BOLD = 1.15;

/** An upper bound of the width of `text` in pixels at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * size * (bold ? BOLD : 1);
}

/** `text`, cut with an ellipsis so that it is at most `max` px wide. */
export function clipToWidth(text: string, max: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  const limit = max - textWidth("…", size, bold);
  let out = "";
  let width = 0;
  for (const ch of text) {
    const w = charWidth(ch) * size * (bold ? BOLD : 1);
    if (width + w > limit) break;
    out += ch;
    width += w;
  }
  return `${out.trimEnd()}…`;
}
