// MAT007: a board meeting's minutes came, or are still missing, after the board's minutes deadline.
import type { Check, CheckFinding } from "../check";
import { matterName, replays } from "../matters";
import { momentText } from "../../core/link-log";
import { countable } from "../../operations/time";

export const lateMeetingMinutes: Check = {
  code: "MAT007",
  defaultSeverity: "warning",
  title: "Meeting minutes late or missing",
  explanation:
    "A board met about a matter, and the contract says its minutes are due within a set time. They came late, or " +
    "they are overdue and not recorded. Minutes are what the parties agreed; without them each side remembers its own version.",
  runLog({ state }) {
    const out: CheckFinding[] = [];
    for (const r of replays(state)) {
      for (const e of r.matter.events) {
        const board = e.event === "meeting" ? r.matter.boardOf.get(e) : undefined;
        const within = board?.minutes?.within;
        if (!board || !countable(within)) continue;
        const due = state.clock.due(state.clock.moment(e.moment!), within);
        const name = board.name?.text ?? "";
        if (e.minutes) {
          if (!momentText(e.minutes)) continue;
          const at = state.clock.moment(e.minutes);
          if (at > due) out.push({ range: e.keyword, message: `the minutes of the ${name} meeting on ${matterName(r)} came on ${state.clock.say(at)}, after they were due (${state.clock.say(due)})` });
        } else if (due < state.now) {
          out.push({ range: e.keyword, message: `the minutes of the ${name} meeting on ${matterName(r)} were due on ${state.clock.say(due)} and are not recorded` });
        }
      }
    }
    return out;
  },
};
