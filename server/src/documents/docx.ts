// The schedule as a Word document (the `docx` package): Heading 1/2/3 styles, clause numbers written as text so
// that they survive a lawyer's edits, real tables with repeated header rows, each ladder drawn as a table of
// boxes and arrows, and the fingerprint in the custom properties and the footer. Large: loaded only on demand.
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, LineRuleType, Packer, PageNumber, Paragraph, ShadingType, Table,
  TableCell, TableRow, TextRun, WidthType,
} from "docx";
import type { GraphLadder, GraphTier, Contact } from "../simulate/graph";
import { bodyHash, footerText, ScheduleStamp } from "./fingerprint";
import { readableDate } from "./dates";
import type { Block, Clause, Schedule } from "./model";
import { DOCX_PROPERTIES, docxBodyText, documentXml } from "./verify";

const FONT = "Calibri";
const MUTED = "59636E";
const LINE = "8C959F";
const HEAD_FILL = "E7ECF2";

/** The .docx bytes of a schedule. */
export async function renderDocx(schedule: Schedule, stamp: ScheduleStamp): Promise<Uint8Array> {
  // The body hash is of the body as generated, so the document is built twice: once to read its body, once with it.
  const first = await Packer.toBuffer(documentOf(schedule, stamp, ""));
  const hash = bodyHash(docxBodyText(documentXml(first)));
  return new Uint8Array(await Packer.toBuffer(documentOf(schedule, stamp, hash)));
}

function documentOf(s: Schedule, stamp: ScheduleStamp, hash: string): Document {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 240, line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun(`Governance schedule: ${s.title}`)] }),
  ];
  for (const n of s.notes) children.push(...block({ kind: "note", text: n }));
  children.push(table(["Particular", "Provision"], s.particulars, true));
  children.push(new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: `People are named as they stand on ${readableDate(s.asOf)}.`, italics: true, color: MUTED })] }));
  for (const c of s.clauses) clause(c, 1, children);
  clause({ ...s.annex, number: "", title: `Annex ${s.annex.number}: ${s.annex.title}` }, 1, children, true);

  return new Document({
    creator: stamp.generator,
    title: `Governance schedule: ${s.title}`,
    subject: `Governance schedule of contract ${s.contract}`,
    description: footerText(stamp),
    keywords: `covenant governance schedule ${s.contract}`,
    customProperties: [
      { name: DOCX_PROPERTIES.scheme, value: stamp.scheme },
      { name: DOCX_PROPERTIES.contract, value: stamp.contract },
      { name: DOCX_PROPERTIES.source, value: stamp.source },
      { name: DOCX_PROPERTIES.body, value: hash || "-" },
      { name: DOCX_PROPERTIES.generated, value: stamp.generated },
    ],
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 }, paragraph: { spacing: { after: 100, line: 276 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: "1F2328" }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 25, bold: true, color: "1F2328" }, paragraph: { spacing: { before: 240, after: 100 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: "1F2328" }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        title: { run: { font: FONT, size: 40, bold: true, color: "1F2328" }, paragraph: { spacing: { after: 240 } } },
      },
    },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
      footers: {
        default: new Footer({
          children: [
            new Paragraph({ children: [new TextRun({ text: footerText(stamp), size: 14, color: MUTED })] }),
            new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES], size: 16, color: MUTED })] }),
          ],
        }),
      },
      children,
    }],
  });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

function clause(c: Clause, depth: number, out: (Paragraph | Table)[], pageBreak = false): void {
  out.push(new Paragraph({
    heading: HEADINGS[Math.min(depth, HEADINGS.length) - 1],
    pageBreakBefore: pageBreak,
    children: [new TextRun(c.number ? `${c.number}\t${c.title}` : c.title)],
    tabStops: [{ type: "left", position: 720 }],
  }));
  for (const b of c.blocks) out.push(...block(b));
  for (const sub of c.clauses) clause(sub, depth + 1, out);
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "paragraph":
      return [new Paragraph({ children: [new TextRun(b.text)] })];
    case "note":
      return [new Paragraph({
        indent: { left: 360 },
        border: { left: { style: BorderStyle.SINGLE, size: 12, color: "0969DA", space: 8 } },
        children: [new TextRun({ text: "Note. ", bold: true, italics: true, color: MUTED }), new TextRun({ text: b.text, italics: true, color: MUTED })],
      })];
    case "gap":
      return [new Paragraph({
        indent: { left: 360 },
        border: { left: { style: BorderStyle.SINGLE, size: 12, color: "BF8700", space: 8 } },
        children: [new TextRun({ text: "Not provided for. ", bold: true, color: "9A6700" }), new TextRun(b.text)],
      })];
    case "list":
      return b.items.map((i) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(i)] }));
    case "table":
      return [table(b.header, b.rows, b.keyed), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case "ladder":
      return ladderDiagram(b.ladder);
  }
}

function cellParagraphs(text: string, bold: boolean, colour?: string): Paragraph[] {
  return [new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text, bold, color: colour })] })];
}

/** The page's text width in twips (A4 less two 2 cm margins). */
const TEXT_WIDTH = 11906 - 2 * 1134;

/** Column widths in twips: a keyed table's labels take a quarter, the other columns share the rest. */
function columnWidths(count: number, keyed: boolean): number[] {
  if (!keyed || count < 2) return Array.from({ length: count }, () => Math.floor(TEXT_WIDTH / count));
  const key = Math.floor(TEXT_WIDTH * (count === 2 ? 0.3 : 0.24));
  return [key, ...Array.from({ length: count - 1 }, () => Math.floor((TEXT_WIDTH - key) / (count - 1)))];
}

function table(header: readonly string[], rows: readonly (readonly string[])[], keyed?: boolean): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: LINE };
  const borders = { top: border, bottom: border, left: border, right: border };
  const margins = { top: 60, bottom: 60, left: 100, right: 100 };
  const widths = columnWidths(header.length, !!keyed);
  const width = (i: number) => ({ size: widths[i], type: WidthType.DXA });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => new TableCell({ width: width(i), borders, margins, shading: { type: ShadingType.CLEAR, color: "auto", fill: HEAD_FILL }, children: cellParagraphs(h, true) })),
      }),
      ...rows.map((r) => new TableRow({
        cantSplit: true,
        children: r.map((x, i) => new TableCell({ width: width(i), borders, margins, children: cellParagraphs(x, !!keyed && i === 0) })),
      })),
    ],
  });
}

// ---------------------------------------------------------------- the ladder as boxes and arrows

function contactLine(side: string, c: Contact | undefined): string {
  if (!c) return `${side}: no role named`;
  const role = c.roleLabel ?? c.role;
  if (c.flags.includes("unreachable")) return `${side}: ${role} — no one can act`;
  const standIn = c.flags.includes("stand-in") ? `, deputising for ${c.standsInFor?.name ?? c.standsInFor?.person ?? "the holder"}` : "";
  return `${side}: ${role} — ${c.name ?? c.person ?? ""}${standIn}`;
}

function box(lines: { text: string; bold?: boolean; colour?: string }[], dashed: boolean, warn: boolean): TableCell {
  const border = { style: dashed ? BorderStyle.DASHED : BorderStyle.SINGLE, size: warn ? 16 : 8, color: warn ? "CF222E" : "57606A" };
  return new TableCell({
    borders: { top: border, bottom: border, left: border, right: border },
    margins: { top: 80, bottom: 80, left: 140, right: 140 },
    shading: { type: ShadingType.CLEAR, color: "auto", fill: "F6F8FA" },
    children: lines.map((l) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [new TextRun({ text: l.text, bold: l.bold, color: l.colour, size: 19 })] })),
  });
}

function arrow(tier: GraphTier): TableCell {
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const label = tier.within ? `${tier.within}${tier.elapsed && tier.elapsed !== tier.within ? ` (total ${tier.elapsed})` : ""}` : "";
  return new TableCell({
    borders: { top: none, bottom: none, left: none, right: none },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, keepNext: true, children: [new TextRun({ text: "▼", size: 22, color: "57606A" })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, keepNext: true, children: [new TextRun({ text: label ? `not resolved within ${label}` : "no time limit stated", italics: true, size: 17, color: MUTED })] }),
    ],
  });
}

function unreachable(c: Contact | undefined): boolean {
  return !c || c.flags.includes("unreachable");
}

/** A one-column table: a box per tier, an arrow with the time limit between boxes, the formal step at the end. */
function ladderDiagram(l: GraphLadder): (Paragraph | Table)[] {
  const rows: TableRow[] = [];
  l.tiers.forEach((t, i) => {
    rows.push(new TableRow({
      cantSplit: true,
      children: [box([
        { text: `Tier ${i + 1}: ${t.name}${t.level && t.level !== t.name ? ` (${t.level})` : ""}`, bold: true },
        { text: contactLine("Customer", t.customer) },
        { text: contactLine("Supplier", t.supplier) },
        ...(t.forum ? [{ text: `Forum: ${t.forum}`, colour: MUTED }] : []),
      ], false, unreachable(t.customer) || unreachable(t.supplier))],
    }));
    rows.push(new TableRow({ cantSplit: true, children: [arrow(t)] }));
  });
  rows.push(new TableRow({
    cantSplit: true,
    children: [box(l.then
      ? [{ text: l.then, bold: true }, { text: "formal dispute step", colour: MUTED }, ...(l.thenDeadline ? [{ text: l.thenDeadline, colour: MUTED }] : [])]
      : [{ text: "No formal step follows", bold: true, colour: "CF222E" }], true, !l.then)],
  }));
  return [
    new Paragraph({ keepNext: true, spacing: { before: 120 }, children: [new TextRun({ text: `Escalation path: ${l.label ?? l.name}`, bold: true, color: MUTED, size: 19 })] }),
    new Table({ alignment: AlignmentType.CENTER, width: { size: 70, type: WidthType.PERCENTAGE }, rows }),
    new Paragraph({ spacing: { after: 60 }, children: [] }),
  ];
}
