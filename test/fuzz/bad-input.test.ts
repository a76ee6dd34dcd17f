// Issue 9 §3: property tests with bounded runs. Arbitrary bytes as an ADR never crash the read
// commands; arbitrary titles give safe names inside the ADR directory; malformed input files
// give clear errors that name the file and, where the parser knows it, the line.
import { afterAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeGitRepo, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const RUNS = Number(process.env.ADRGEN_FUZZ_RUNS ?? 25);
const GOOD = "---\nstatus: accepted\ndate: 2024-01-02\n---\n# Use PostgreSQL\n\n## Context and Problem Statement\n\nWe need a database.\n\n## Considered Options\n\n* PostgreSQL\n* MySQL\n\n## Decision Outcome\n\nChosen option: \"PostgreSQL\", because it fits.\n\n### Consequences\n\n* Good, because it is known.\n";

/** Bytes that look like an ADR at times: random bytes, random text, and a real ADR with a random splice. */
const adrBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ unit: "binary", maxLength: 1500 }).map((text) => Buffer.from(text, "utf8")),
  fc.tuple(fc.nat({ max: GOOD.length }), fc.nat({ max: 200 }), fc.string({ unit: "grapheme", maxLength: 300 })).map(([at, cut, insert]) => Buffer.from(GOOD.slice(0, at) + insert + GOOD.slice(at + cut), "utf8")),
);

const crashed = (text: string) => /TypeError|RangeError|ReferenceError|SyntaxError: |\n\s+at .+:\d+:\d+/.test(text);

describe("arbitrary bytes as an ADR file", () => {
  it("never crash list, lint, show or check", async () => {
    const repo = makeGitRepo({ "docs/adr/0001-use-postgresql.md": GOOD });
    await fc.assert(
      fc.asyncProperty(adrBytes, async (bytes) => {
        writeFileSync(path.join(repo, "docs/adr/0002-fuzzed.md"), bytes);
        for (const args of [["list"], ["list", "--json"], ["lint"], ["lint", "--json"], ["show", "2"], ["show", "2", "--json"], ["check"]]) {
          const result = await runAdrgen(args, { cwd: repo });
          // show refuses a binary file with a usage error (exit 2); anything else is 0 or 1 (findings).
          const allowed = args[0] === "show" ? [0, 2] : [0, 1];
          if (!allowed.includes(result.code) || crashed(result.stderr) || (result.code === 2 && !/^error /.test(result.stderr))) {
            throw new Error(`adrgen ${args.join(" ")} exited ${result.code}: ${result.stderr.slice(0, 400)}`);
          }
          if (args.includes("--json") && result.code !== 2) JSON.parse(result.stdout);
        }
        const listed = JSON.parse((await runAdrgen(["list", "--json"], { cwd: repo })).stdout) as Array<{ number: number | null }>;
        // The good neighbour is always still read.
        expect(listed.some((adr) => adr.number === 1)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe("arbitrary titles", () => {
  const title = fc.oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 120 }),
    fc.string({ unit: "binary", minLength: 1, maxLength: 80 }),
    fc.constantFrom("../../etc/passwd", "..", ".", "/", "CON", "nul.txt", "a/b\\c", "\u0000\u0001", "🚀".repeat(500), " ", "-rf", "--help me"),
    fc.array(fc.constantFrom("..", "/", "\\", "CON", "é", "ß", "\u202e", "\n", "%2e", "~"), { minLength: 1, maxLength: 20 }).map((parts) => parts.join("")),
  );

  it("yield a safe file name inside the ADR directory, or a clear usage error", async () => {
    const repo = makeTempDir();
    let tried = 0;
    let created = 0;
    await fc.assert(
      fc.asyncProperty(title, async (text) => {
        tried += 1;
        // A title that starts with a dash would be read as a flag; the shell user quotes it behind a word.
        const result = await runAdrgen(["new", "--blank", text.startsWith("-") ? `x ${text}` : text], { cwd: repo });
        if (result.code === 2) {
          expect(result.stderr).toMatch(/^error /);
          return;
        }
        expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
        const written = result.stdout.trim();
        expect(written).toMatch(/^docs\/adr\/\d{4}-[a-z0-9]+(-[a-z0-9]+)*\.md$|^docs\/adr\/\d{4}\.md$/);
        expect(path.basename(written).length).toBeLessThanOrEqual(4 + 1 + 60 + 3);
        expect(readdirSync(repo).filter((entry) => entry !== "docs")).toEqual([]);
        expect(readdirSync(path.join(repo, "docs"))).toEqual(["adr"]);
        created += 1;
      }),
      { numRuns: RUNS * 2 },
    );
    // Most titles must produce a file, or this proved nothing about names.
    expect(created).toBeGreaterThan(tried / 2);
  }, 120_000);
});

describe("malformed input files give clear errors with locations", () => {
  it("a broken .adrgenrc.yaml: exit 2, names the file and the line", async () => {
    const repo = makeTempDir({ ".adrgenrc.yaml": "dirs:\n  - docs/adr\n  dir: [oops\n" });
    const result = await runAdrgen(["list"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error \.adrgenrc\.yaml:3:\d+: not valid YAML: .+\n {2}3 \| {3}dir: \[oops\n {4}\| +\^\n/);
    expect(crashed(result.stderr)).toBe(false);
  });

  it("a .adrgenrc.json with the wrong types: exit 2, every problem with its key path", async () => {
    const repo = makeTempDir({ ".adrgenrc.json": JSON.stringify({ dirs: [42], template: 7 }) });
    const result = await runAdrgen(["list"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Invalid configuration in \.adrgenrc\.json/);
    // Each problem with the file:line:column of its value.
    expect(result.stderr).toMatch(/^ {2}- \.adrgenrc\.json:1:10 dirs\.0: /m);
    expect(result.stderr).toMatch(/^ {2}- \.adrgenrc\.json:1:25 template: .*expected string/m);
  });

  it("wrong types and unknown keys in .adrgenrc.yaml and package.json#adrgen: file:line:column per problem", async () => {
    const yamlRepo = makeTempDir({ ".adrgenrc.yaml": "dirs:\n  - docs/adr\nindex:\n  file: 3\n  extra: x\n" });
    const yaml = await runAdrgen(["list"], { cwd: yamlRepo });
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/^ {2}- \.adrgenrc\.yaml:4:9 index\.file: /m);
    expect(yaml.stderr).toMatch(/^ {2}- \.adrgenrc\.yaml:5:3 index: .*"extra"/m);
    const pkgRepo = makeTempDir({ "package.json": '{\n  "name": "x",\n  "adrgen": {\n    "dir": 5\n  }\n}\n' });
    const pkg = await runAdrgen(["list"], { cwd: pkgRepo });
    expect(pkg.code).toBe(2);
    expect(pkg.stderr).toMatch(/Invalid configuration in package\.json#adrgen:\n {2}- package\.json:4:12 dir: /);
  });

  it("a .adrgenrc.json that is not JSON: exit 2, file:line:column and a caret, no stack trace", async () => {
    const repo = makeTempDir({ ".adrgenrc.json": '{\n  "dirs": [\n    "a",\n  ]\n}\n' });
    const result = await runAdrgen(["list"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error \.adrgenrc\.json:4:3: not valid JSON: .*trailing comma.*\n {2}4 \| {3}\]\n {4}\| {3}\^\n/);
    expect(crashed(result.stderr)).toBe(false);
  });

  it("a truncated .adrgenrc.json (no position from JSON.parse on Node 20): the end of its content", async () => {
    const repo = makeTempDir({ ".adrgenrc.json": '{\n  "dirs": ["docs/adr"\n\n' });
    const result = await runAdrgen(["list"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error \.adrgenrc\.json:2:22: not valid JSON: unexpected end of file; expected ',' or '\]'\n/);
  });

  it("a broken package.json that holds an adrgen key: exit 2 with its location; without the key it is ignored", async () => {
    const configured = makeTempDir({ "package.json": '{\n  "name": "x",\n  "adrgen": { "dirs": ["adr"], }\n}\n' });
    const result = await runAdrgen(["list"], { cwd: configured });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error package\.json:3:32: not valid JSON: .*trailing comma/);
    const unrelated = makeTempDir({ "package.json": '{\n  "name": "x",\n' });
    expect((await runAdrgen(["list"], { cwd: unrelated })).code).toBe(0);
  });

  it("a broken answers file: exit 2, names the file and the line", async () => {
    const repo = makeGitRepo({ "answers.yaml": "scale.users: [\n" });
    const result = await runAdrgen(["new", "choose message queue", "--yes", "--dry-run", "--answers", "answers.yaml"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error answers\.yaml:1:15: answers file is not valid YAML: .+\n {2}1 \| scale\.users: \[\n {4}\| {15}\^\n/);
  });

  it("a broken JSON answers file: blamed as JSON, with line and column", async () => {
    const repo = makeGitRepo({ "answers.json": '{\n  "scale.users": "lt-1k"\n  "team.size": "small"\n}\n' });
    const result = await runAdrgen(["new", "choose message queue", "--yes", "--dry-run", "--answers", "answers.json"], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error answers\.json:3:3: answers file is not valid JSON: expected ',' or '}', found '"'\n/);
  });

  it("broken compose and package.json files: warnings with file:line, the scan goes on", async () => {
    const repo = makeGitRepo({
      "docker-compose.yml": "services:\n  db:\n    image: [postgres\n",
      "package.json": '{"name": "x",\n "dependencies": {\n',
      "requirements.txt": "django==5.0\n",
    });
    const result = await runAdrgen(["context"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/docker-compose\.yml:3 invalid YAML at column \d+: [^;\n]+; file ignored/);
    expect(result.stderr).toMatch(/package\.json:2 invalid JSON at column 19: unexpected end of file[^\n]*; file ignored/);
    expect(result.stdout.toLowerCase()).toContain("django");
  });

  it("arbitrary bytes as compose, package.json and answers files never crash", async () => {
    const repo = makeGitRepo();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 400 }), async (text) => {
        writeFileSync(path.join(repo, "docker-compose.yml"), text);
        writeFileSync(path.join(repo, "package.json"), text);
        writeFileSync(path.join(repo, "answers.yaml"), text);
        const context = await runAdrgen(["context", "--json"], { cwd: repo });
        expect(context.code).toBe(0);
        JSON.parse(context.stdout);
        const planned = await runAdrgen(["new", "choose message queue", "--yes", "--dry-run", "--answers", "answers.yaml"], { cwd: repo });
        if (![0, 2].includes(planned.code) || crashed(planned.stderr)) throw new Error(`new exited ${planned.code}: ${planned.stderr.slice(0, 400)}`);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
