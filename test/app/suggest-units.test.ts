import { describe, expect, it } from "@jest/globals";
import { diffStacks } from "../../src/app/suggest-diff.js";
import { compatibilityLine } from "../../src/app/suggest-versions.js";
import { pathMatcher } from "../../src/app/suggest-ignore.js";
import { proposeAdr, shellQuote } from "../../src/app/suggest-proposal.js";
import type { MergedContext } from "../../src/scan/merge.js";
import { CONTEXT_CATEGORIES, type ContextItem } from "../../src/scan/types.js";

function context(items: Partial<Record<(typeof CONTEXT_CATEGORIES)[number], ContextItem[]>> = {}, rest: Partial<MergedContext> = {}): MergedContext {
  const base = Object.fromEntries(CONTEXT_CATEGORIES.map((category) => [category, items[category] ?? []]));
  return { ...base, services: [], packages: [], warnings: [], ...rest } as MergedContext;
}
const item = (name: string, file: string, version?: string): ContextItem => ({ name, ...(version ? { version } : {}), evidence: [{ file, line: 3 }] });

describe("pathMatcher", () => {
  const ignored = pathMatcher(["examples/**", "test/fixtures/", "docker-compose.dev.yml", "services/*/Dockerfile"]);
  it.each([
    ["examples/demo/package.json", true],
    ["examples/package.json", true],
    ["test/fixtures/a/b/pom.xml", true],
    ["docker-compose.dev.yml", true],
    ["ops/docker-compose.dev.yml", true],
    ["services/api/Dockerfile", true],
    ["services/api/nested/Dockerfile", false],
    ["package.json", false],
    ["my-examples/package.json", false],
  ])("%s → %s", (file, expected) => expect(ignored(file)).toBe(expected));
  it("matches nothing without globs", () => expect(pathMatcher([])("anything")).toBe(false));
});

describe("diffStacks", () => {
  it("pairs one removal and one addition in a category as a replacement, and leaves languages alone", () => {
    const before = context({ messaging: [item("rabbitmq", "package.json")], languages: [item("javascript", "package.json")] });
    const after = context({ messaging: [item("kafka", "package.json")], languages: [item("typescript", "tsconfig.json")] });
    expect(diffStacks(before, after).map((c) => [c.kind, c.technologies])).toEqual([["replaced", ["kafka", "rabbitmq"]]]);
  });

  it("reports a major version change, not a minor one", () => {
    const before = context({ frameworks: [item("express", "package.json", "4.19.2")], datastores: [item("postgresql", "compose.yaml", "16.1")] });
    const after = context({ frameworks: [item("express", "package.json", "5.0.1")], datastores: [item("postgresql", "compose.yaml", "16.4")] });
    expect(diffStacks(before, after).map((c) => c.summary)).toEqual(["upgrade Express from 4.19.2 to 5.0.1"]);
  });

  it("compares packages by name, so moving one is no change", () => {
    const pkg = (path: string) => ({ name: "@acme/api", path, evidence: [{ file: `${path}/package.json` }] });
    expect(diffStacks(context({}, { packages: [pkg("packages/api")] }), context({}, { packages: [pkg("apps/api")] }))).toEqual([]);
  });

  it("reads compatibility lines from tags and ranges", () => {
    expect([compatibilityLine("16-alpine"), compatibilityLine("^4.19.2"), compatibilityLine("latest"), compatibilityLine(undefined)]).toEqual([[16], [4], undefined, undefined]);
  });
});

describe("proposeAdr", () => {
  it("quotes for the shell only when needed, including single quotes", () => {
    expect(shellQuote("Kafka")).toBe("Kafka");
    expect(shellQuote("Use it's cache")).toBe(`'Use it'\\''s cache'`);
  });

  it("titles an added technology by its category, offering what the base used", () => {
    const [change] = diffStacks(context({ datastores: [item("postgresql", "package.json")] }), context({ datastores: [item("postgresql", "package.json"), item("mongodb", "package.json")] }));
    expect(proposeAdr(change!, ["postgresql"]).command).toBe("adrgen new 'Use MongoDB as a datastore' --option MongoDB --option PostgreSQL");
  });

  it("proposes removing or keeping a removed technology", () => {
    const [change] = diffStacks(context({ caches: [item("memcached", "package.json")] }), context());
    expect(proposeAdr(change!)).toEqual({ title: "Remove Memcached", options: ["Remove Memcached", "Keep Memcached"], command: "adrgen new 'Remove Memcached' --option 'Remove Memcached' --option 'Keep Memcached'" });
  });
});
