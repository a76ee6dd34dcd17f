import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { COMMAND_RULES, STEP_RULES } from "../../../src/scan/detectors/ci-deploy-rules.js";
import { GO_RULES } from "../../../src/scan/detectors/go-mod.js";
import { JVM_RULES } from "../../../src/scan/detectors/jvm-dependencies.js";
import { PHP_RULES } from "../../../src/scan/detectors/composer-json.js";
import { RUST_RULES } from "../../../src/scan/detectors/cargo-toml.js";
import { PYTHON_RULES } from "../../../src/scan/detectors/python-packages.js";
import { RUBY_RULES } from "../../../src/scan/detectors/ruby-gems.js";
import { TERRAFORM_MODULES, TERRAFORM_PROVIDERS, TERRAFORM_RESOURCES } from "../../../src/scan/detectors/terraform-resources.js";
import type { Finding } from "../../../src/scan/types.js";
import { categoryOf } from "../../../src/scan/vocabulary.js";
import { ECOSYSTEM_DETECTORS } from "./my-detectors.js";
import { runDetector } from "./run-detector.js";

/** Fragments of every format the detectors read, so random input reaches deep into their parsers. */
const FRAGMENTS = [
  "[dependencies]", "[project]", "dependencies = [", '"fastapi>=1"', "axum = { version = \"1\", features = [\"postgres\"] }",
  "apiVersion: v1", "kind: Deployment", "kind: Secret", "metadata:", "  name: x", "spec:", "  containers:", "    - image: redis:7", "---",
  "<project>", "<dependency><groupId>com.mysql</groupId><artifactId>mysql-connector-j</artifactId></dependency>", "</project>",
  'resource "aws_db_instance" "x" {', '  engine = "postgres"', "}", "{", "{{ .Values }}", "require (", "\tgithub.com/gin-gonic/gin v1", ")",
  "gem 'rails'", "GEM", "  specs:", "    rails (7.1.0)", "DEPENDENCIES", "  rails", "jobs:", "  steps:", "    - uses: azure/login@v1",
  "      run: |", "        terraform apply", "model User {", 'provider = "mysql"', "datasource db {", "CREATE TABLE t (id SERIAL);",
  "openapi: 3.1.0", "paths:", "service S {", "type Query {", '{"require": {"php": "^8"}}', "image:", "  repository: bitnami/kafka",
  "\u0000", "\uFFFD", "'", '"', "[[", "]]", "::", "&anchor", "*anchor", "!!binary", "  \t  ",
];

const junk = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((lines) => lines.join("\n")),
);

function checkWellFormed(findings: Finding[], path: string, text: string): void {
  const lineCount = text.split(/\r?\n/).length;
  for (const finding of findings) {
    const file = finding.kind === "warning" ? finding.file : finding.evidence.file;
    expect(file).toBe(path);
    const line = finding.kind === "warning" ? finding.line : finding.evidence.line;
    if (line !== undefined) {
      expect(Number.isInteger(line)).toBe(true);
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(lineCount + 1);
    }
    if (finding.kind === "item") {
      expect(finding.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(categoryOf(finding.name)).toBe(finding.category);
    }
  }
}

describe("every ecosystem detector on arbitrary input", () => {
  for (const [detector, path] of ECOSYSTEM_DETECTORS) {
    it(`${detector.id} never throws and returns well-formed findings`, async () => {
      expect(detector.matches(path)).toBe(true);
      await fc.assert(
        fc.asyncProperty(junk, async (text) => {
          const findings = await runDetector(detector, path, text);
          checkWellFormed(findings, path, text);
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe("rule tables use the vocabulary", () => {
  const patternTables = { JVM_RULES, STEP_RULES, COMMAND_RULES };
  const tables = {
    ...Object.fromEntries(Object.entries(patternTables).map(([name, rules]) => [name, Object.fromEntries(rules.map(([pattern, refs]) => [String(pattern), refs]))])),
    GO_RULES, PHP_RULES, RUST_RULES, PYTHON_RULES, RUBY_RULES, TERRAFORM_MODULES, TERRAFORM_PROVIDERS, TERRAFORM_RESOURCES };
  for (const [tableName, table] of Object.entries(tables)) {
    it(`${tableName}: every name is canonical and in its vocabulary category`, () => {
      const wrong = Object.entries(table).flatMap(([key, refs]) =>
        refs.filter((ref) => categoryOf(ref.name) !== ref.category).map((ref) => `${key} → ${ref.category}:${ref.name}`),
      );
      expect(wrong).toEqual([]);
    });
  }
});
