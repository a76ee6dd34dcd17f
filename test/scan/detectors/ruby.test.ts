import { describe, expect, it } from "@jest/globals";
import { gemfileDetector, gemfileLockDetector, railsDatabaseConfigDetector } from "../../../src/scan/detectors/ruby-gems.js";
import { evidenceOf, itemKeys, runDetector } from "./run-detector.js";

describe("Gemfile detector", () => {
  it("reads the ruby version and gems, without treating constraints as versions", async () => {
    const text = `source "https://rubygems.org"\nruby "3.3.0"\n\ngem "rails", "~> 7.1.3"\ngem 'pg', '~> 1.5'\ngem "sidekiq"\ngem "devise"\ngem "omniauth-github"\n# gem "mysql2"\ngem "graphql"\n`;
    const findings = await runDetector(gemfileDetector, "Gemfile", text);
    expect(itemKeys(findings)).toEqual([
      "apiStyles:graphql",
      "auth:devise",
      "auth:oauth2",
      "caches:redis",
      "datastores:postgresql",
      "frameworks:rails",
      "languages:ruby@3.3.0",
      "messaging:sidekiq",
    ]);
    expect(evidenceOf(findings, "ruby")).toEqual([{ file: "Gemfile", line: 2 }]);
    expect(evidenceOf(findings, "oauth2")).toEqual([{ file: "Gemfile", line: 8, detail: "gem omniauth-github" }]);
    expect(evidenceOf(findings, "redis")).toEqual([{ file: "Gemfile", line: 6, detail: "gem sidekiq" }]);
  });
});

describe("Gemfile.lock detector", () => {
  const LOCK = `GEM
  remote: https://rubygems.org/
  specs:
    actionpack (7.1.3.2)
      rack (>= 2.2.4)
    pg (1.5.6)
    rack (3.0.10)
    rails (7.1.3.2)
      actionpack (= 7.1.3.2)
    redis-client (0.21.1)
    sidekiq (7.2.2)
      redis-client (>= 0.19.0)

PLATFORMS
  x86_64-linux

DEPENDENCIES
  pg (~> 1.5)
  rails (~> 7.1.3)
  sidekiq

RUBY VERSION
   ruby 3.3.0p0

BUNDLED WITH
   2.5.6
`;

  it("reports resolved versions of direct dependencies only", async () => {
    const findings = await runDetector(gemfileLockDetector, "Gemfile.lock", LOCK);
    expect(itemKeys(findings)).toEqual([
      "caches:redis",
      "datastores:postgresql",
      "frameworks:rails@7.1.3.2",
      "languages:ruby@3.3.0",
      "messaging:sidekiq@7.2.2",
    ]);
    expect(evidenceOf(findings, "rails")).toEqual([{ file: "Gemfile.lock", line: 8, detail: "rails 7.1.3.2" }]);
    // rack is only a transitive dependency here.
    expect(itemKeys(findings).some((key) => key.includes("rack"))).toBe(false);
  });
});

describe("config/database.yml detector", () => {
  it("reads adapters only, never credentials", async () => {
    const text = `default: &default\n  adapter: postgresql\n  password: s3cr3t-value\n  url: postgres://app:pa55@db/app\nproduction:\n  <<: *default\n`;
    const findings = await runDetector(railsDatabaseConfigDetector, "config/database.yml", text);
    expect(itemKeys(findings)).toEqual(["datastores:postgresql"]);
    expect(evidenceOf(findings, "postgresql")).toEqual([{ file: "config/database.yml", line: 2, detail: "adapter postgresql" }]);
    expect(JSON.stringify(findings)).not.toMatch(/s3cr3t|pa55/);
  });
});
