import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../helpers/spawn.js";
// @ts-expect-error -- a plain ES module script without type declarations
import { assembleReadme } from "../../scripts/readme.mjs";

const readme = () => readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");

describe("README", () => {
  it("is assembled from docs/readme (run npm run readme after editing a part)", () => {
    expect(readme()).toBe((assembleReadme as () => string)());
  });

  it("opens with exactly the two set-up commands, and .ci/run runs the second", () => {
    const blocks = [...readme().matchAll(/```sh\n([^\n]+)\n```/g)].map((m) => m[1]);
    expect(blocks[0]).toMatch(/^npm ci && npm run build && .*node dist\/adrgen\.js .*new /);
    expect(blocks[1]).toBe("npm ci && npm test");
    const ci = readFileSync(path.join(PROJECT_ROOT, ".ci/run"), "utf8");
    expect(ci).toMatch(/npm ci/);
    expect(ci).toMatch(/npm test/);
  });

  it("documents every command", () => {
    const help = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "dist/help.json"), "utf8")) as Record<string, string>;
    const commands = Object.keys(help).filter((name) => name !== "" && name !== "--version");
    expect(commands.length).toBeGreaterThan(5);
    for (const name of commands) expect(readme()).toContain(`adrgen ${name}`);
  });
});
