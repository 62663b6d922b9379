// Test vector T1 of spec/simulation.md, and the commands that show it.
import * as vscode from "vscode";
import { openSample } from "./helpers";

export const SIMULATE = "covenant.simulate";
export const PREVIEW = "covenant.previewEscalation";

/** T1: ladder standard, raised after closing on 23 December 2025. */
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

export function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview);
}

/** Runs the simulation of T1 on northwind.covenant, the result beside the editor. */
export async function simulateT1(): Promise<void> {
  const editor = await openSample("northwind.covenant");
  await vscode.commands.executeCommand(SIMULATE, { uri: editor.document.uri.toString(), ...T1 });
}
