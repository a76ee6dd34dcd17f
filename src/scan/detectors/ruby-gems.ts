import type { Detector, Finding } from "../types.js";
import { cleanVersion, hasFileName, itemFinding, itemFindings, tech, type DependencyRules } from "./dependency-rules.js";

/** Gem name → what it proves about the repository. */
export const RUBY_RULES: DependencyRules = {
  rails: [tech("frameworks", "rails", true)],
  sinatra: [tech("frameworks", "sinatra", true)],
  hanami: [tech("frameworks", "hanami", true)],
  grape: [tech("frameworks", "grape", true)],
  rack: [tech("frameworks", "rack", true)],
  puma: [tech("frameworks", "puma", true)],
  sidekiq: [tech("messaging", "sidekiq", true), tech("caches", "redis")],
  resque: [tech("messaging", "resque", true), tech("caches", "redis")],
  good_job: [tech("messaging", "good-job", true)],
  solid_queue: [tech("messaging", "solid-queue", true)],
  pg: [tech("datastores", "postgresql")],
  mysql2: [tech("datastores", "mysql")],
  trilogy: [tech("datastores", "mysql")],
  sqlite3: [tech("datastores", "sqlite")],
  mongoid: [tech("datastores", "mongodb")],
  elasticsearch: [tech("datastores", "elasticsearch")],
  searchkick: [tech("datastores", "elasticsearch")],
  meilisearch: [tech("datastores", "meilisearch")],
  "meilisearch-rails": [tech("datastores", "meilisearch")],
  typesense: [tech("datastores", "typesense")],
  "typesense-rails": [tech("datastores", "typesense")],
  algolia: [tech("datastores", "algolia")],
  algoliasearch: [tech("datastores", "algolia")],
  "algoliasearch-rails": [tech("datastores", "algolia")],
  rsolr: [tech("datastores", "solr")],
  sunspot_rails: [tech("datastores", "solr")],
  authzed: [tech("auth", "spicedb")],
  redis: [tech("caches", "redis")],
  "redis-rails": [tech("caches", "redis")],
  hiredis: [tech("caches", "redis")],
  bunny: [tech("messaging", "rabbitmq")],
  sneakers: [tech("messaging", "rabbitmq")],
  "ruby-kafka": [tech("messaging", "kafka")],
  rdkafka: [tech("messaging", "kafka")],
  karafka: [tech("messaging", "kafka")],
  "aws-sdk-sqs": [tech("messaging", "sqs")],
  shoryuken: [tech("messaging", "sqs")],
  "aws-sdk-s3": [tech("datastores", "s3")],
  devise: [tech("auth", "devise", true)],
  doorkeeper: [tech("auth", "oauth2")],
  omniauth: [tech("auth", "oauth2")],
  jwt: [tech("auth", "jwt")],
  knock: [tech("auth", "jwt")],
  graphql: [tech("apiStyles", "graphql")],
  grpc: [tech("apiStyles", "grpc")],
  "rswag-api": [tech("apiStyles", "openapi")],
};

/** The rules for a gem; every `omniauth-*` strategy proves OAuth 2. */
export function rubyGemRules(gem: string): DependencyRules[string] {
  return RUBY_RULES[gem] ?? (gem.startsWith("omniauth-") ? [tech("auth", "oauth2")] : []);
}

/** Gemfile: `ruby` version and `gem` declarations (constraints are not versions; Gemfile.lock gives those). */
export const gemfileDetector: Detector = {
  id: "ruby-gemfile",
  matchesByName: true,
  matches: (path) => hasFileName(path, "Gemfile") || hasFileName(path, "gems.rb"),
  detect(file) {
    const findings: Finding[] = [];
    let rubyVersion: { line: number; version?: string } | undefined;
    file.text.split(/\r?\n/).forEach((line, index) => {
      const ruby = /^\s*ruby\s+["']([^"']+)["']/.exec(line);
      if (ruby) rubyVersion = { line: index + 1, version: cleanVersion(ruby[1]) };
      const gem = /^\s*gem\s+["']([\w.-]+)["']/.exec(line);
      if (!gem?.[1]) return;
      findings.push(...itemFindings(rubyGemRules(gem[1]), { file: file.path, line: index + 1, detail: `gem ${gem[1]}` }));
    });
    const evidence = rubyVersion ? { file: file.path, line: rubyVersion.line } : { file: file.path, detail: "Gemfile" };
    findings.unshift(itemFinding("languages", "ruby", evidence, rubyVersion?.version));
    return findings;
  },
};

/** Gemfile.lock: resolved versions of the gems listed under DEPENDENCIES, and the Ruby version. */
export const gemfileLockDetector: Detector = {
  id: "ruby-gemfile-lock",
  matchesByName: true,
  matches: (path) => hasFileName(path, "Gemfile.lock") || hasFileName(path, "gems.locked"),
  detect(file) {
    const lines = file.text.split(/\r?\n/);
    const resolved = new Map<string, { version: string; line: number }>();
    const direct: string[] = [];
    const findings: Finding[] = [];
    let section = "";
    lines.forEach((line, index) => {
      if (/^[A-Z][A-Z ]*$/.test(line)) section = line.trim();
      // Top-level specs are indented four spaces; deeper lines are their own dependencies.
      const spec = /^ {4}([\w.-]+) \(([^)]+)\)$/.exec(line);
      if (spec?.[1] && spec[2] && section !== "DEPENDENCIES") resolved.set(spec[1], { version: spec[2], line: index + 1 });
      const dependency = section === "DEPENDENCIES" ? /^ {2}([\w.-]+)/.exec(line)?.[1] : undefined;
      if (dependency) direct.push(dependency);
      const ruby = section === "RUBY VERSION" ? /^\s+ruby\s+(\S+)/.exec(line)?.[1] : undefined;
      if (ruby) findings.push(itemFinding("languages", "ruby", { file: file.path, line: index + 1 }, cleanVersion(ruby)));
    });
    for (const gem of direct) {
      const spec = resolved.get(gem);
      const evidence = spec ? { file: file.path, line: spec.line, detail: `${gem} ${spec.version}` } : { file: file.path, detail: gem };
      findings.push(...itemFindings(rubyGemRules(gem), evidence, cleanVersion(spec?.version)));
    }
    return findings;
  },
};

/** config/database.yml (Rails): only the `adapter:` lines are read, never credentials. */
export const railsDatabaseConfigDetector: Detector = {
  id: "rails-database-config",
  matches: (path) => hasFileName(path, "database.yml") && /(^|\/)config\/database\.yml$/.test(path),
  detect(file) {
    const adapters: Record<string, string> = { postgresql: "postgresql", postgis: "postgresql", mysql2: "mysql", trilogy: "mysql", sqlite3: "sqlite" };
    const findings: Finding[] = [];
    file.text.split(/\r?\n/).forEach((line, index) => {
      const adapter = /^\s+adapter:\s*["']?([\w-]+)["']?\s*(#.*)?$/.exec(line)?.[1];
      const name = adapter ? adapters[adapter] : undefined;
      if (name) findings.push(itemFinding("datastores", name, { file: file.path, line: index + 1, detail: `adapter ${adapter}` }));
    });
    return findings;
  },
};
