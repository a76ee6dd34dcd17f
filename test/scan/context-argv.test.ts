import { describe, expect, it } from "@jest/globals";
import { parseLeanContextArgs } from "../../src/commands/context-argv.js";

describe("parseLeanContextArgs (which `context` runs may skip yargs)", () => {
  it("reads the plain forms of every flag context takes", () => {
    expect(parseLeanContextArgs(["context"])).toEqual({});
    expect(parseLeanContextArgs(["context", "--json"])).toEqual({ json: true });
    expect(parseLeanContextArgs(["context", "-q", "--json", "--cwd", "../svc", "--dir=docs/decisions"])).toEqual({ quiet: true, json: true, cwd: "../svc", dir: "docs/decisions" });
    expect(parseLeanContextArgs(["context", "--quiet", "--cwd=a b", "--dir", "x"])).toEqual({ quiet: true, cwd: "a b", dir: "x" });
  });

  it("leaves everything unusual to yargs", () => {
    const unusual = [
      [],
      ["--json", "context"],
      ["list"],
      ["context", "--help"],
      ["context", "-h"],
      ["context", "--json", "--json"],
      ["context", "--cwd", "a", "--cwd", "b"],
      ["context", "--cwd"],
      ["context", "--cwd="],
      ["context", "--cwd", "--json"],
      ["context", "--cwd", "-x"],
      ["context", "--no-json"],
      ["context", "--json=false"],
      ["context", "--json", "true"],
      ["context", "extra"],
      ["context", "--unknown"],
      ["context", "-qj"],
      ["context", "--Json"],
      ["context", "constructor"],
      ["context", "--version"],
    ];
    for (const argv of unusual) expect([argv, parseLeanContextArgs(argv)]).toEqual([argv, undefined]);
  });
});
