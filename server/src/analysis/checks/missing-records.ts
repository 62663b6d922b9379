// REC001: no records clause, or one that does not keep decisions, change requests and minutes.
import type { TextEdit } from "../../core/findings";
import type { Check } from "../check";
import { atContract, bodyBroken, fixOf } from "../check";
import { block, fixText, line } from "../edits";

const REQUIRED = ["decisions", "change-requests", "minutes"];

export const missingRecords: Check = {
  code: "REC001",
  defaultSeverity: "error",
  title: "Decisions, changes and minutes not kept",
  explanation:
    "The contract does not require a record of decisions, change requests and meeting minutes. In a " +
    "dispute, whoever has the paper trail wins: what was agreed at the board, which change was approved and " +
    "when. Without a records clause each side relies on its own notes and memories, which never agree.",
  run(ctx) {
    const { linked, contract } = ctx;
    const c = contract.contract;
    const fix = fixText(linked);
    if (!c.records) {
      if (bodyBroken(ctx)) return [];
      return [{
        range: atContract(c),
        message: `contract '${c.name?.text ?? ""}' has no records block: decisions, change requests and minutes are not kept`,
        fix: fixOf("Add a records block", () => fix.insert(c, [block("records", [line(`keep ${REQUIRED.join(", ")}`)])], { separate: true })),
      }];
    }
    const records = c.records;
    if (records.incomplete) return [];
    const kept = new Set(records.keep.map((k) => k.text));
    const missing = REQUIRED.filter((r) => !kept.has(r));
    if (missing.length === 0) return [];
    const last = records.keep.reduce<typeof records.keep[number] | undefined>((a, k) => (!a || k.range.end > a.range.end ? k : a), undefined);
    const edits = (): TextEdit[] | undefined => last ? fix.insertAt(last.range.end, `, ${missing.join(", ")}`) : fix.insertInOrder(records, "records", "keep", [line(`keep ${missing.join(", ")}`)]);
    return [{
      range: records.keyword,
      message: `the records block does not keep ${missing.join(", ")}`,
      fix: fixOf(`Keep ${missing.join(", ")}`, edits),
    }];
  },
};
