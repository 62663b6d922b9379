// EWL003: the log records a kind of warning sign that the contract's early-warning block does not list.
import type { Check, CheckFinding } from "../check";
import { fixOf } from "../check";
import { FixText, line } from "../edits";
import { listedSignals } from "../../operations/signals";

export const unlistedSignal: Check = {
  code: "EWL003",
  defaultSeverity: "warning",
  title: "Signal the contract does not list",
  explanation:
    "The log records a warning sign of a kind the contract's early-warning block does not name, so it never fires " +
    "and nobody is asked to respond. If the sign matters, add it to the contract's early-warning signals; if not, " +
    "record it as a note of a matter.",
  runLog({ linked, state }) {
    const out: CheckFinding[] = [];
    const listed = listedSignals(state.contract);
    const ew = state.contract.contract.earlyWarning;
    const contractFile = state.log.contractFile ?? linked;
    for (const s of state.log.signals) {
      const kind = s.signal!.text;
      if (listed.has(kind)) continue;
      let fix;
      if (ew && !ew.incomplete) {
        const uri = contractFile.uri === linked.uri ? undefined : contractFile.uri;
        const block = ew;
        fix = fixOf(`Add signal '${kind}' to the contract's early-warning block`, () =>
          new FixText(contractFile).insertInOrder(block, "early-warning", "signal", [line(`signal ${kind}`)])?.map((e) => (uri ? { ...e, uri } : e)));
      }
      out.push({ range: s.signal!.range, message: `the contract's early-warning block does not list '${kind}': it never fires`, ...(fix ? { fix } : {}) });
    }
    return out;
  },
};
