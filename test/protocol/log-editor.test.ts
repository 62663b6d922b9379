// A relationship log in the editor over the protocol: hover, code lenses, document links and the outline
// of samples/northwind-log.covenant (which imports samples/northwind.covenant).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CodeLensRequest, DocumentLinkRequest, DocumentSymbol, DocumentSymbolRequest, HoverRequest, MarkupContent } from "vscode-languageserver-protocol/node";
import { LspClient, ensureBuilt, ROOT, fileUri, positionAt } from "./lsp-client";

const SAMPLES = path.join(ROOT, "samples");
const LOG = fs.readFileSync(path.join(SAMPLES, "northwind-log.covenant"), "utf8");
const logUri = fileUri(path.join(SAMPLES, "northwind-log.covenant"));

describe("protocol: a relationship log in the editor", function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    ensureBuilt();
    client = await LspClient.start({ root: SAMPLES });
    await client.open(logUri, LOG);
    await client.waitForDiagnostics(logUri, 1);
  });
  after(async () => client?.stop());

  it("hovers a matter with its replayed timeline, and a measurement with its credit", async () => {
    const hoverAt = async (needle: string): Promise<string> => {
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: logUri }, position: positionAt(LOG, LOG.indexOf(needle) + 1) });
      assert.ok(h, needle);
      return (h.contents as MarkupContent).value;
    };
    const matter = await hoverAt("laptops-late");
    assert.match(matter, /resolved on Fri 28 Nov 2025, 12:00 \(\+00:00\)/);
    assert.match(matter, /1\. \*\*operational\*\* opened Mon 3 Nov 2025, 10:00/);
    assert.match(await hoverAt("idp.availability 2025-12"), /2025-12: 99\.20% — \*\*breached\*\* · credit 15% = 6000\.00 GBP/);
  });

  it("shows a lens above each matter and links the evidence and measurements files", async () => {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: logUri } }))!;
    const titles = lenses.map((l) => l.command?.title);
    assert.ok(titles.includes("resolved Fri 28 Nov 2025 12:00"), titles.join(", "));
    assert.ok(titles.includes("formal: expert-determination"), titles.join(", "));
    assert.ok(titles.includes("at management · due Thu 8 Jan 2026 17:00 · overdue"), titles.join(", "));
    const links = (await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: logUri } }))!;
    const targets = links.map((l) => path.relative(SAMPLES, new URL(l.target!).pathname));
    assert.ok(targets.includes(path.join("records", "eud-p2-fix.csv")), targets.join(", "));
    assert.ok(targets.includes(path.join("records", "service-board-2025-11-28.md")), targets.join(", "));
    assert.ok(!targets.includes(path.join("records", "expert-request-2025-12-03.pdf")), "a missing evidence file is not linked");
  });

  it("outlines the log's matters and events", async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: logUri } })) as DocumentSymbol[];
    const log = symbols.find((s) => s.name === "northwind-msa")!;
    assert.deepEqual(log.children!.map((m) => m.name), ["laptops-late", "idp-outage", "sso-migration", "invoice-dispute"]);
    assert.equal(log.children![1].children![0].name, "raised 2025-12-02 08:15");
  });
});
