// Test vector T1 of spec/simulation.md, and the commands that show it.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { openSample } from "./helpers";
import { askPage, pageAvailable } from "./page";

export const SIMULATE = "covenant.simulateEscalation";
export const PREVIEW = "covenant.previewEscalation";

/** T1: ladder standard, raised after closing on 23 December 2025, not resolved at any tier. */
export const T1 = { ladder: "standard", raised: "2025-12-23T18:10:00Z" };

/** T1's tiers: contacts and deadlines, then the formal step. */
export const T1_SHOWS = {
  people: ["Jo Lee", "Tom Green", "Raj Patel", "Hana Sato", "Mo Okafor", "Carla Diaz"],
  instants: ["2025-12-24T09:00", "2026-01-05T17:00", "2026-01-19T17:00", "2026-02-02T17:00", "2026-03-02T17:00"],
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** An instant written as ISO (`2026-01-05T17:00`, `2026-01-05 17:00`) or readably (`Mon 5 Jan 2026, 17:00`). */
export function showsInstant(text: string, iso: string): boolean {
  const [date, time] = iso.split("T");
  const [year, month, day] = date.split("-").map(Number);
  const readable = `\\b${day} ${MONTHS[month - 1]}\\w* ${year}\\b[^\\d\\n]{0,4}${time}`;
  return new RegExp(`${date}[T ]${time}|${readable}`).test(text);
}

export function missingFromSimulation(text: string): string[] {
  return [
    ...T1_SHOWS.people.filter((person) => !text.includes(person)),
    ...T1_SHOWS.instants.filter((instant) => !showsInstant(text, instant)),
  ];
}

export function webviewTabs(kind?: "Simulation" | "Escalation"): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && (!kind || tab.label.startsWith(kind)));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a command whose arguments answer all its questions. When it opens a quick pick or an input
 * box anyway, the question is cancelled (so the command ends) and the test fails, naming it.
 */
export async function runWithoutQuestions(command: string, ...args: unknown[]): Promise<void> {
  let finished = false;
  const done = Promise.resolve(vscode.commands.executeCommand(command, ...args)).finally(() => (finished = true));
  if (!pageAvailable()) return void (await done);
  while (!finished) {
    const quick = await askPage<{ visible: boolean; title: string; placeholder: string }>("quickInput");
    if (quick.visible) {
      for (let i = 0; i < 10 && !finished; i++) {
        await askPage("press", { keys: "Escape" });
        await Promise.race([done, pause(200)]); // gives the command a moment to end after each Escape
      }
      assert.fail(
        `${command} asked "${quick.title || quick.placeholder}" although its arguments ` +
          `(${JSON.stringify(args)}) answer it: the command does not take them yet`,
      );
    }
    await Promise.race([done, pause(100)]); // poll interval while the command runs
  }
  await done;
}

/**
 * Runs the simulation of T1 on northwind.covenant, its result beside the editor. The arguments:
 * `(uri, ladder, contract, { raised, service?, severity?, resolveAt? })`, the fourth answering the
 * questions the command would otherwise ask.
 */
export async function simulateT1(): Promise<void> {
  const editor = await openSample("northwind.covenant");
  await runWithoutQuestions(SIMULATE, editor.document.uri.toString(), T1.ladder, undefined, { raised: T1.raised });
}
