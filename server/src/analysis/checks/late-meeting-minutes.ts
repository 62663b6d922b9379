// MAT007: a board meeting's minutes came, or are still missing, after the board's minutes deadline.
import type { Check, CheckFinding } from "../check";
import type * as A from "../../core/ast";
import { matterName, perReplay, replays } from "../matters";
import { validMoment } from "../../core/link-log";
import type { MatterReplay } from "../../operations/replay";
import { countable, type Instant, type LogClock } from "../../operations/time";

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
      const { late, unrecorded } = perReplay(minutes, r, (r) => minutesOf(r, state.clock));
      for (const f of late) out.push(f);
      for (const u of unrecorded) {
        if (u.due < state.now) out.push({ range: u.event.keyword, message: `the minutes of the ${u.board} meeting on ${matterName(r)} were due on ${state.clock.say(u.due)} and are not recorded` });
      }
    }
    return out;
  },
};

/** A matter's meetings whose minutes came late (findings whatever the moment), and those still without minutes. */
interface Minutes {
  late: CheckFinding[];
  unrecorded: { event: A.MatterEvent; board: string; due: Instant }[];
}

const minutes = new WeakMap<MatterReplay, Minutes>();

function minutesOf(r: MatterReplay, clock: LogClock): Minutes {
  const out: Minutes = { late: [], unrecorded: [] };
  for (const e of r.matter.events) {
    const board = e.event === "meeting" ? r.matter.boardOf.get(e) : undefined;
    const within = board?.minutes?.within;
    if (!board || !countable(within)) continue;
    const due = clock.due(clock.moment(e.moment!), within);
    const name = board.name?.text ?? "";
    if (e.minutes) {
      if (!validMoment(e.minutes)) continue;
      const at = clock.moment(e.minutes);
      if (at > due) out.late.push({ range: e.keyword, message: `the minutes of the ${name} meeting on ${matterName(r)} came on ${clock.say(at)}, after they were due (${clock.say(due)})` });
    } else {
      out.unrecorded.push({ event: e, board: name, due });
    }
  }
  return out;
}
