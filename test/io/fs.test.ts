import { afterAll, describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync, statSync, chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AdrgenError, ExitCode } from "../../src/domain/errors.js";
import { assertInside, createFileExclusive, isAlreadyExists, writeFileAtomic } from "../../src/io/fs.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { faultyFs } from "./fake-fs.js";

afterAll(cleanupTempDirs);

async function caught(promise: Promise<unknown>): Promise<AdrgenError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AdrgenError);
    return error as AdrgenError;
  }
  throw new Error("expected a rejection");
}

describe("writeFileAtomic", () => {
  it("creates a new file and replaces an existing one, leaving no temp file", async () => {
    const dir = makeTempDir();
    const file = path.join(dir, "a.md");
    await writeFileAtomic(file, "first\n");
    expect(readFileSync(file, "utf8")).toBe("first\n");
    await writeFileAtomic(file, "second\n");
    expect(readFileSync(file, "utf8")).toBe("second\n");
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });

  it("keeps the permissions of the file it replaces", async () => {
    const dir = makeTempDir({ "run.sh": "old" });
    const file = path.join(dir, "run.sh");
    chmodSync(file, 0o755);
    await writeFileAtomic(file, "new");
    expect(statSync(file).mode & 0o777).toBe(0o755);
  });

  it("leaves the old content and no temp file when the disk is full mid-write (ENOSPC)", async () => {
    const dir = makeTempDir({ "a.md": "original" });
    const file = path.join(dir, "a.md");
    const fs = faultyFs([{ op: "write", code: "ENOSPC" }]);
    const error = await caught(writeFileAtomic(file, "replacement", fs));
    expect(error.exitCode).toBe(ExitCode.runtime);
    expect(error.message).toMatch(/Could not write .*a\.md/);
    expect(error.hint).toMatch(/disk is full/);
    expect(readFileSync(file, "utf8")).toBe("original");
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });

  it("removes the temp file when the rename fails, and maps EROFS to a hint", async () => {
    const dir = makeTempDir({ "a.md": "original" });
    const fs = faultyFs([{ op: "rename", code: "EROFS" }]);
    const error = await caught(writeFileAtomic(path.join(dir, "a.md"), "new", fs));
    expect(error.hint).toMatch(/read-only/);
    expect(readdirSync(dir)).toEqual(["a.md"]);
    expect(fs.calls.some((c) => c.startsWith("unlink") && c.endsWith(".tmp"))).toBe(true);
  });

  it("flushes the data to disk before the rename", async () => {
    const dir = makeTempDir();
    const fs = faultyFs([]);
    await writeFileAtomic(path.join(dir, "x.md"), "x", fs);
    const ops = fs.calls.map((c) => c.split(" ")[0]);
    expect(ops.indexOf("sync")).toBeGreaterThan(ops.indexOf("write"));
    expect(ops.indexOf("rename")).toBeGreaterThan(ops.indexOf("sync"));
  });
});

describe("createFileExclusive", () => {
  it("creates a file with the full text", async () => {
    const dir = makeTempDir();
    await createFileExclusive(path.join(dir, "0001-a.md"), "hello\n");
    expect(readFileSync(path.join(dir, "0001-a.md"), "utf8")).toBe("hello\n");
  });

  it("never overwrites an existing file", async () => {
    const dir = makeTempDir({ "0001-a.md": "keep me" });
    const error = await caught(createFileExclusive(path.join(dir, "0001-a.md"), "other"));
    expect(isAlreadyExists(error)).toBe(true);
    expect(error.message).toMatch(/already exists/);
    expect(readFileSync(path.join(dir, "0001-a.md"), "utf8")).toBe("keep me");
  });

  it("removes the half-written file when writing fails (ENOSPC)", async () => {
    const dir = makeTempDir();
    const fs = faultyFs([{ op: "sync", code: "ENOSPC" }]);
    const error = await caught(createFileExclusive(path.join(dir, "0001-a.md"), "text", fs));
    expect(isAlreadyExists(error)).toBe(false);
    expect(error.hint).toMatch(/disk is full/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reports a read-only file system with a hint (EROFS on open)", async () => {
    const dir = makeTempDir();
    const error = await caught(createFileExclusive(path.join(dir, "0001-a.md"), "text", faultyFs([{ op: "open", code: "EROFS" }])));
    expect(error.message).toMatch(/Could not create/);
    expect(error.hint).toMatch(/read-only/);
  });
});

describe("assertInside", () => {
  const dir = path.resolve("/repo/docs/adr");
  it("accepts a plain file name and returns its absolute path", () => {
    expect(assertInside(dir, "0001-x.md")).toBe(path.join(dir, "0001-x.md"));
  });
  it.each(["../x.md", "../../etc/passwd", "/etc/passwd", "sub/../../x.md", ".", ""])("rejects %j", (name) => {
    expect(() => assertInside(dir, name)).toThrow(/outside the ADR directory/);
  });
  it("accepts a name that merely starts with two dots", () => {
    expect(assertInside(dir, "..x.md")).toBe(path.join(dir, "..x.md"));
  });
});

describe("writeFileAtomic with concurrent writers", () => {
  it("always leaves one complete version", async () => {
    const dir = makeTempDir();
    const file = path.join(dir, "index.md");
    writeFileSync(file, "");
    const texts = Array.from({ length: 10 }, (_, i) => `${String(i).repeat(5000)}\n`);
    await Promise.all(texts.map((t) => writeFileAtomic(file, t)));
    expect(texts).toContain(readFileSync(file, "utf8"));
    expect(readdirSync(dir)).toEqual(["index.md"]);
  });
});
