// A start skips Chevrotain's validations of the grammar and the token definitions (about 25 ms of every
// `covenant` run, the server's start and each worker's); this test holds both to them instead.
import * as assert from "node:assert/strict";
import { validateGrammar } from "../../server/src/core/parser";
import { buildLexer } from "../../server/src/core/tokens";

describe("grammar and token definitions pass Chevrotain's validations", () => {
  it("the parser's grammar has no ambiguity, left recursion or empty alternative", () => {
    // performSelfAnalysis throws with every definition error when validations are on.
    assert.doesNotThrow(() => validateGrammar());
  });

  it("the lexer's token definitions have no error and no warning", () => {
    const lexer = buildLexer(true) as unknown as { lexerDefinitionErrors: unknown[]; lexerDefinitionWarning: unknown[] };
    assert.deepEqual(lexer.lexerDefinitionErrors, []);
    assert.deepEqual(lexer.lexerDefinitionWarning, []);
  });
});
