import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as jsYaml from "js-yaml";
import * as yaml from "yaml";
import { outlineYaml, YamlSpot } from "../../../src/scan/detectors/yaml-outline.js";
import { createYamlParser } from "../../../src/scan/yaml-parser.js";
import { FIXTURES } from "../fixture-repo.js";

const parser = createYamlParser(jsYaml);

/** Every node's line as the `yaml` package (which keeps positions) sees it, next to the outline's answer. */
function compareLines(text: string): Array<{ where: string; yaml: number; outline: number | undefined }> {
  const counter = new yaml.LineCounter();
  const docs = yaml.parseAllDocuments(text, { lineCounter: counter, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const spots = outlineYaml(text);
  const rows: Array<{ where: string; yaml: number; outline: number | undefined }> = [];
  const check = (node: unknown, line: number | undefined, where: string) => {
    const range = (node as { range?: number[] } | null)?.range;
    if (range) rows.push({ where, yaml: counter.linePos(range[0]!).line, outline: line });
  };
  const visit = (node: unknown, spot: YamlSpot, where: string): void => {
    if (yaml.isMap(node)) {
      for (const pair of node.items) {
        const key = yaml.isScalar(pair.key) ? String(pair.key.value) : "?";
        check(pair.key, spot.at(key).line, `${where}.${key}`);
        visit(pair.value, spot.at(key), `${where}.${key}`);
      }
    } else if (yaml.isSeq(node)) node.items.forEach((item, index) => visit(item, spot.at(index), `${where}[${index}]`));
    else if (yaml.isScalar(node)) check(node, spot.valueStart, `${where}=`);
  };
  list.forEach((doc, index) => visit(doc.contents, spots[index] ?? new YamlSpot(undefined), `doc${index}`));
  return rows;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml(\.fixture)?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("outlineYaml: lines of YAML nodes from indentation", () => {
  it("finds keys, nested maps, sequences of maps and scalars written below their key", () => {
    const text = [
      "# compose",
      "services:",
      "  web:",
      "    image: nginx:1.27   # proxy",
      "    ports:",
      "      - \"80:80\"",
      "  db:",
      "    image:",
      "      postgres:16",
      "jobs:",
      "- name: build",
      "  steps:",
      "    - uses: actions/checkout@v4",
      "    - run: |",
      "        npm ci",
      "        key: not a key",
      "    - run: echo done",
      "'quoted key': 1",
      "\"with: colon\": 2",
    ].join("\n");
    const root = outlineYaml(text)[0]!;
    expect(root.path(["services", "web"]).line).toBe(3);
    expect(root.path(["services", "web", "image"]).line).toBe(4);
    expect(root.path(["services", "web", "image"]).raw).toBe("nginx:1.27");
    expect(root.path(["services", "web", "ports", 0]).line).toBe(6);
    expect(root.path(["services", "db", "image"]).valueStart).toBe(9);
    expect(root.path(["jobs", 0, "name"]).line).toBe(11);
    expect(root.path(["jobs", 0, "steps", 1, "run"]).line).toBe(14);
    expect(root.path(["jobs", 0, "steps", 1, "run"]).block).toBe(true);
    expect(root.path(["jobs", 0, "steps", 1, "run"]).keys).toBeUndefined();
    expect(root.path(["jobs", 0, "steps", 2, "run"]).line).toBe(17);
    expect(root.at("quoted key").line).toBe(18);
    expect(root.at("with: colon").line).toBe(19);
  });

  it("splits documents the way js-yaml does", () => {
    for (const text of ["a: 1\n---\nb: 2\n", "---\na: 1\n", "---\n---\nc: 3\n", "a: 1\n...\n---\nb: 2\n", "%YAML 1.2\n---\na: 1\n"]) {
      const docs = parser.parseAll(text);
      const spots = outlineYaml(text);
      expect([text, spots.length]).toEqual([text, docs.length]);
      docs.forEach((doc, index) => {
        for (const key of Object.keys(doc ?? {})) expect(spots[index]!.at(key).line).toBe(text.split("\n").findIndex((line) => line.startsWith(`${key}:`)) + 1);
      });
    }
  });

  it("answers with the enclosing node inside flow collections", () => {
    const root = outlineYaml("x: 1\nweb: {image: redis:7, ports: [6379]}\n")[0]!;
    expect(root.path(["web", "image"]).line).toBe(2);
    expect(root.path(["web", "ports", 0]).line).toBe(2);
  });

  it("agrees with the yaml package on every block-style node of the fixture repositories", () => {
    const files = yamlFiles(FIXTURES);
    expect(files.length).toBeGreaterThanOrEqual(20);
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      try {
        parser.parseAll(text);
      } catch {
        continue; // broken on purpose (the secrets-and-broken fixture)
      }
      const rows = compareLines(text);
      compared += rows.length;
      expect([path.relative(FIXTURES, file), rows.filter((row) => row.yaml !== row.outline)]).toEqual([path.relative(FIXTURES, file), []]);
    }
    expect(compared).toBeGreaterThan(300);
  });
});

describe("createYamlParser", () => {
  it("keeps values of application tags instead of failing the file", () => {
    expect(parser.parseAll("a: !reference [.setup, script]\nb: !Ref Bucket\nc: !!binary aGk=\n")).toEqual([{ a: [".setup", "script"], b: "Bucket", c: "aGk=" }]);
  });

  it("reads YAML 1.2 core like the yaml package: no merge keys, no timestamps, last duplicate wins", () => {
    expect(parser.parse("base: &b {x: 1}\nm:\n  <<: *b\nd: 2024-01-01\nk: 1\nk: 2\non: yes\n")).toEqual({ base: { x: 1 }, m: { "<<": { x: 1 } }, d: "2024-01-01", k: 2, on: "yes" });
  });

  it("throws with a 0-based line on a syntax error", () => {
    expect(() => parser.parseAll("a: 1\nb: [2\n")).toThrow();
    try {
      parser.parseAll("services:\n  db:\n    image: x\n      ports: [1]\n");
    } catch (error) {
      expect((error as { mark: { line: number } }).mark.line).toBe(3);
    }
  });
});
