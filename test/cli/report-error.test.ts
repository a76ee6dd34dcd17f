import { describe, expect, it } from "@jest/globals";
import { PassThrough } from "node:stream";
import { reportError } from "../../src/cli.js";
import { AdrgenError, ExitCode, fromSystemError, usageError } from "../../src/domain/errors.js";
import { createOutput } from "../../src/io/output.js";

function capture(env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = "";
  stderr.on("data", (c: Buffer) => (err += c.toString()));
  const output = createOutput({ stdout, stderr, env: { NO_COLOR: "1", ...env } });
  return { output, text: () => err };
}

describe("reportError", () => {
  it("shows message and hint without a stack for user errors", () => {
    const { output, text } = capture();
    const code = reportError(usageError("Bad title.", "Give a title."), output, {});
    expect(code).toBe(ExitCode.usage);
    expect(text()).toBe("error Bad title.\nhint  Give a title.\n");
  });

  it("adds the stack when ADRGEN_DEBUG is set", () => {
    const { output, text } = capture();
    reportError(new AdrgenError("Boom."), output, { ADRGEN_DEBUG: "1" });
    expect(text()).toMatch(/at /);
  });

  it("treats unexpected errors as runtime failures with a bug hint", () => {
    const { output, text } = capture();
    expect(reportError(new TypeError("x is undefined"), output, {})).toBe(ExitCode.runtime);
    expect(text()).toMatch(/bug in adrgen/);
    expect(text()).not.toMatch(/at /);
  });

  it("maps system errors to hints users can act on", () => {
    const error = Object.assign(new Error("EROFS: read-only file system"), { code: "EROFS" });
    const mapped = fromSystemError(error, "write docs/adr/0001-x.md");
    expect(mapped.exitCode).toBe(ExitCode.runtime);
    expect(mapped.message).toMatch(/Could not write docs\/adr\/0001-x\.md/);
    expect(mapped.hint).toMatch(/read-only/);
  });
});

describe("colour and interactivity", () => {
  it("honours NO_COLOR, CI and FORCE_COLOR", async () => {
    const { colorEnabled, interactiveEnabled } = await import("../../src/io/output.js");
    expect(colorEnabled({}, true)).toBe(true);
    expect(colorEnabled({ NO_COLOR: "1" }, true)).toBe(false);
    expect(colorEnabled({ CI: "true" }, true)).toBe(false);
    expect(colorEnabled({}, false)).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: "1", NO_COLOR: "1" }, false)).toBe(true);
    expect(interactiveEnabled({}, true, true)).toBe(true);
    expect(interactiveEnabled({ CI: "1" }, true, true)).toBe(false);
    expect(interactiveEnabled({}, false, true)).toBe(false);
  });
});
