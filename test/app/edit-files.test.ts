import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { applyEdits } from "../../src/app/edit-files.js";
import { nodeFileSystem, type FileSystem } from "../../src/io/fs.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

describe("applyEdits", () => {
  it("writes changed files only", async () => {
    const dir = makeTempDir({ "a.md": "a\n", "b.md": "b\n" });
    const written = await applyEdits([
      { path: path.join(dir, "a.md"), before: "a\n", after: "A\n" },
      { path: path.join(dir, "b.md"), before: "b\n", after: "b\n" },
    ]);
    expect(written).toEqual([path.join(dir, "a.md")]);
    expect(readFileSync(path.join(dir, "a.md"), "utf8")).toBe("A\n");
  });

  it("puts the first file back when writing the second fails (ENOSPC)", async () => {
    const dir = makeTempDir({ "a.md": "a\n", "b.md": "b\n" });
    const b = path.join(dir, "b.md");
    const failing: FileSystem = {
      ...nodeFileSystem,
      rename: async (from, to) => {
        if (to === b) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
        return nodeFileSystem.rename(from, to);
      },
    };
    await expect(
      applyEdits(
        [
          { path: path.join(dir, "a.md"), before: "a\n", after: "A\n" },
          { path: b, before: "b\n", after: "B\n" },
        ],
        failing,
      ),
    ).rejects.toMatchObject({ exitCode: 3, hint: expect.stringMatching(/disk is full/) });
    expect(readFileSync(path.join(dir, "a.md"), "utf8")).toBe("a\n");
    expect(readFileSync(b, "utf8")).toBe("b\n");
  });
});
