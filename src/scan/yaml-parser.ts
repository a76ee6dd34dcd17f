import type * as JsYaml from "js-yaml";

/**
 * The YAML reader detectors use: plain values, no syntax tree. js-yaml parses the small
 * configuration files a scan reads several times faster than the `yaml` package (which adrgen
 * keeps for documents it edits: front matter, config); lines come from yaml-outline.ts.
 */
export interface YamlParser {
  /** Every document of a YAML stream as plain values; throws (with `mark.line`, 0-based) on a syntax error. */
  parseAll(text: string): unknown[];
  /** The first document of a YAML stream. */
  parse(text: string): unknown;
}

/**
 * YAML 1.2 core schema, as the `yaml` package reads by default (no merge keys, no timestamps);
 * application tags (`!reference`, `!Ref`, `!!binary`) keep their plain value instead of failing
 * the file. Duplicate keys are allowed: the last one wins.
 */
export function createYamlParser(jsYaml: typeof JsYaml): YamlParser {
  const kinds = ["scalar", "sequence", "mapping"] as const;
  const anyTag = kinds.flatMap((kind) => ["!", "tag:"].map((prefix) => new jsYaml.Type(prefix, { kind, multi: true, construct: (data: unknown) => data })));
  const schema = jsYaml.CORE_SCHEMA.extend(anyTag);
  const options = { schema, json: true };
  return {
    parseAll: (text) => jsYaml.loadAll(text, null, options),
    parse: (text) => jsYaml.loadAll(text, null, options)[0] ?? null,
  };
}
