import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import jsYaml from "js-yaml";
import { signalTables } from "./vocabulary-signals.js";
import { categoryOf } from "../../src/scan/vocabulary.js";
import { NPM_DEPENDENCIES } from "../../src/scan/vocabulary-npm.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";

const TOPICS = path.join(PROJECT_ROOT, "knowledge/topics");

/** Every name a topic's `when: { uses | lacks }` condition tests, with the topics that test it. */
function namesTestedByTopics(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const visit = (node: unknown, topic: string): void => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, topic));
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === "uses" || key === "lacks") && Array.isArray(value)) {
        for (const name of value) if (typeof name === "string") found.set(name, (found.get(name) ?? new Set()).add(topic));
      } else {
        visit(value, topic);
      }
    }
  };
  for (const file of readdirSync(TOPICS).filter((f) => f.endsWith(".yaml"))) visit(jsYaml.load(readFileSync(path.join(TOPICS, file), "utf8")), file);
  return found;
}

// Topic rules that list an npm package next to the canonical name it maps to (`uses: [sessions, express-session]`):
// the canonical name fires the rule; the package name is only an alias the scanner never reports.
const NPM_ALIASES_IN_TOPICS = ["express-session", "passport-saml", "passport-jwt", "express-jwt", "openid-client", "keycloak-connect", "keycloak-js", "sqs-consumer"];

describe("the vocabulary covers the knowledge base", () => {
  const tested = namesTestedByTopics();

  it("reads the topics' conditions (the test would pass vacuously otherwise)", () => {
    expect(tested.size).toBeGreaterThan(50);
    expect(tested.get("postgresql")?.size).toBeGreaterThan(3);
  });

  it("every technology a topic's uses/lacks rule names is a canonical vocabulary name", () => {
    const unknown = [...tested.keys()].filter((name) => categoryOf(name) === undefined && !NPM_ALIASES_IN_TOPICS.includes(name));
    expect(unknown.map((name) => `${name} (${[...(tested.get(name) ?? [])].join(", ")})`)).toEqual([]);
  });

  it("the npm aliases topics list map to a canonical name the scanner does report", () => {
    for (const alias of NPM_ALIASES_IN_TOPICS) {
      const names = NPM_DEPENDENCIES[alias] ?? [];
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(categoryOf(name)).toBeDefined();
    }
  });

  it("every name any rule table proves is a canonical, hyphenated vocabulary name", () => {
    const names = [...new Set(signalTables().flatMap(([, found]) => found))];
    expect(names.length).toBeGreaterThan(150);
    expect(names.filter((name) => categoryOf(name) === undefined || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name))).toEqual([]);
  });

  it("poolers, distributed SQL, search engines and authorization services each have a real signal", () => {
    const signals = signalTables();
    const withSignal = (name: string): string[] => signals.filter(([, names]) => names.includes(name)).map(([source]) => source);
    const expected: Record<string, string[]> = {
      pgbouncer: ["image", "env"],
      proxysql: ["image", "env"],
      pgcat: ["image"],
      citus: ["image"],
      vitess: ["image", "go"],
      yugabytedb: ["image"],
      tidb: ["image"],
      meilisearch: ["image", "npm", "python", "go", "jvm", "ruby", "php", "rust", "env"],
      typesense: ["image", "npm", "python", "go", "jvm", "ruby", "php", "env"],
      solr: ["image", "npm", "python", "jvm", "ruby", "php", "env"],
      algolia: ["npm", "python", "go", "jvm", "ruby", "php", "env"],
      openfga: ["image", "npm", "python", "go", "jvm", "env"],
      spicedb: ["image", "npm", "python", "go", "jvm", "ruby", "env"],
      opa: ["image", "npm", "go"],
      casbin: ["npm", "python", "go", "jvm", "php", "rust"],
      cerbos: ["image", "npm", "python", "go", "env"],
      varnish: ["image"],
      kong: ["image"],
      istio: ["image"],
      linkerd: ["image"],
      cilium: ["image"],
      consul: ["image", "go", "env"],
      nomad: ["image", "go", "env"],
    };
    for (const [name, sources] of Object.entries(expected)) {
      expect({ name, sources: withSignal(name) }).toEqual({ name, sources: expect.arrayContaining(sources) });
    }
  });
});
