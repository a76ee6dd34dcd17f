import { afterAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, realpathSync, symlinkSync } from "node:fs";
import path from "node:path";
import { createFileReader } from "../../src/scan/read-file.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

describe("createFileReader", () => {
  const outside = makeTempDir({ "secret.yml": "token: x" });
  const root = realpathSync(
    makeTempDir({
      "ok.json": '{"a":1}',
      "bom.json": "\uFEFF{}",
      "empty.txt": "",
      "big.txt": "x".repeat(101),
      "limit.txt": "x".repeat(100),
      "bin.dat": Buffer.from([1, 2, 0, 3]),
      "real.yml": "a: 1",
    }),
  );
  symlinkSync("real.yml", path.join(root, "inside.yml"));
  symlinkSync(path.join(outside, "secret.yml"), path.join(root, "outside.yml"));
  symlinkSync(path.join(root, "missing.yml"), path.join(root, "dangling.yml"));
  mkdirSync(path.join(root, "folder.json"));
  const read = createFileReader(root, 100);

  it.each([
    ["ok.json", { path: "ok.json", text: '{"a":1}' }],
    ["bom.json", { path: "bom.json", text: "{}" }],
    ["empty.txt", { path: "empty.txt", text: "" }],
    ["limit.txt", { path: "limit.txt", text: "x".repeat(100) }],
    ["big.txt", "too-large"],
    ["bin.dat", "binary"],
    ["inside.yml", { path: "inside.yml", text: "a: 1" }],
    ["outside.yml", "outside-symlink"],
    ["dangling.yml", "unreadable"],
    ["gone.json", "unreadable"],
    ["folder.json", "not-a-file"],
  ])("%s", (file, expected) => {
    expect(read(file)).toEqual(expected);
  });

  (process.platform === "win32" ? it.skip : it)("a FIFO is not a file and does not block", () => {
    execFileSync("mkfifo", [path.join(root, "pipe.yml")]);
    expect(["not-a-file", "unreadable"]).toContain(read("pipe.yml"));
  });
});
