import { afterAll, describe, expect, it } from "@jest/globals";
import { writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { hintLongScan, longScanHintApplied } from "../../src/io/jit-hint.js";
import { startListing } from "../../src/scan/listing.js";
import { scanRepository } from "../../src/scan/scan.js";
import { BUILD_CACHES_APPLY, spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, git, makeGitRepo, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

/** A committed repository whose git index is large enough (> 512 KB) for the scanner to call it large. */
function largeRepo(): string {
  const root = makeGitRepo({ "package.json": JSON.stringify({ name: "big", dependencies: { express: "^4.19.2" } }) });
  for (let i = 0; i < 6000; i++) writeFileSync(path.join(root, `file-${String(i).padStart(5, "0")}-with-a-longer-name.txt`), "");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "many files");
  return root;
}

describe("the large-scan V8 hint", () => {
  const root = largeRepo();

  it("a large repository's listing says so; a small one's, and one whose size is unknown (no git), do not", () => {
    const large = startListing(root);
    const small = startListing(makeGitRepo({ "a.json": "{}" }));
    const unknown = startListing(makeTempDir({ "a.json": "{}" }));
    expect([large.large, small.large, unknown.large]).toEqual([true, false, false]);
    for (const listing of [large, small, unknown]) listing.dispose();
  });

  it("changes nothing in a process that did not allow it (a library user, this test runner)", async () => {
    const tag = v8.cachedDataVersionTag();
    hintLongScan();
    const context = await scanRepository(root, { includeDecisions: false });
    expect(context.frameworks.map((item) => item.name)).toEqual(["express"]);
    expect(longScanHintApplied()).toBe(false);
    expect(v8.cachedDataVersionTag()).toBe(tag);
  });

  // The hint is for Node 20, where the build's caches apply too.
  (BUILD_CACHES_APPLY && process.versions.node.startsWith("20.") ? it : it.skip)("the CLI applies it to a large scan only, after its code cache was accepted, with the same output", () => {
    const hinted = spawnAdrgen(["context", "--json"], { cwd: root, env: { ADRGEN_DEBUG: "1" } });
    expect(hinted.code).toBe(0);
    expect(hinted.stderr).toBe("debug context.cjs: code cache accepted\ndebug large scan: V8 optimises later (--interrupt-budget)\n");
    const full = spawnAdrgen(["context", "--json"], { cwd: root, env: { ADRGEN_NO_LEAN_CONTEXT: "1" } });
    expect(full.stdout).toBe(hinted.stdout);
    const small = spawnAdrgen(["context", "--json"], { cwd: makeGitRepo({ "package.json": "{}" }), env: { ADRGEN_DEBUG: "1" } });
    expect(small.stderr).toBe("debug context.cjs: code cache accepted\n");
  });

  (BUILD_CACHES_APPLY && process.versions.node.startsWith("20.") ? it : it.skip)("comes after the config schema's bundle loaded, so its code cache (made under default flags) is still used", () => {
    writeFileSync(path.join(root, ".adrgenrc.json"), "{}\n");
    const configured = spawnAdrgen(["context", "--json"], { cwd: root, env: { ADRGEN_DEBUG: "1" } });
    expect(configured.code).toBe(0);
    expect(configured.stderr).toBe(
      "debug context.cjs: code cache accepted\ndebug config-schema.cjs: code cache accepted\ndebug large scan: V8 optimises later (--interrupt-budget)\n",
    );
  });
});
