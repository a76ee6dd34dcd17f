// The README's list of runtime dependencies cannot drift from package.json: same names, the
// installed versions, a stated reason for each, and the generator's own output.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../helpers/spawn.js";
// @ts-expect-error -- a plain ES module script without type declarations
import { dependencyTable, END, installedRuntimeDependencies, PURPOSES, START, withTable } from "../../scripts/deps-list.mjs";

const part = () => readFileSync(path.join(PROJECT_ROOT, "docs/readme/security.md"), "utf8");
const listed = (): Array<{ name: string; version: string; why: string }> => {
  const text = part();
  const block = text.slice(text.indexOf(START as string) + (START as string).length, text.indexOf(END as string));
  return [...block.matchAll(/^\| `([^`]+)` \| ([^|]+) \| (.+) \|$/gm)].map((m) => ({ name: m[1]!, version: m[2]!.trim(), why: m[3]!.trim() }));
};
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies?: Record<string, string> };

describe("the dependency list in docs/readme/security.md", () => {
  it("names exactly the dependencies of package.json, none of the dev tools", () => {
    expect(listed().map((dep) => dep.name).sort()).toEqual(Object.keys(pkg.dependencies).sort());
    for (const dev of Object.keys(pkg.devDependencies ?? {})) expect(listed().map((dep) => dep.name)).not.toContain(dev);
  });

  it("gives each the version installed in node_modules and a reason", () => {
    for (const dep of listed()) {
      const installed = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "node_modules", dep.name, "package.json"), "utf8")) as { version: string };
      expect({ name: dep.name, version: dep.version }).toEqual({ name: dep.name, version: installed.version });
      expect(dep.why.length).toBeGreaterThan(10);
    }
  });

  it("is what node scripts/deps-list.mjs generates from npm ls (run it, then npm run readme)", () => {
    const text = part();
    expect(text).toBe((withTable as (t: string, table: string) => string)(text, (dependencyTable as (d: unknown) => string)((installedRuntimeDependencies as () => unknown)())));
  });

  it("refuses a dependency without a stated purpose", () => {
    expect(() => (dependencyTable as (d: unknown) => string)([{ name: "left-pad-9", version: "1.0.0" }])).toThrow(/No purpose given for left-pad-9/);
    expect(Object.keys(PURPOSES as object).sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });
});
