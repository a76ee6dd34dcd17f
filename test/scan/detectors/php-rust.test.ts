import { describe, expect, it } from "@jest/globals";
import { cargoTomlDetector } from "../../../src/scan/detectors/cargo-toml.js";
import { composerJsonDetector } from "../../../src/scan/detectors/composer-json.js";
import { evidenceOf, itemKeys, runDetector, warningsOf } from "./run-detector.js";

describe("composer.json detector", () => {
  it("reads PHP and packages with lines", async () => {
    const text = JSON.stringify(
      {
        name: "acme/shop",
        require: { php: "^8.2", "laravel/framework": "^11.0", "predis/predis": "^2.2", "php-amqplib/php-amqplib": "^3.6", "firebase/php-jwt": "^6.10", "ext-pdo_pgsql": "*" },
        "require-dev": { "phpunit/phpunit": "^11" },
      },
      null,
      2,
    );
    const findings = await runDetector(composerJsonDetector, "composer.json", text);
    expect(itemKeys(findings)).toEqual([
      "auth:jwt",
      "caches:redis",
      "datastores:postgresql",
      "frameworks:laravel@11.0",
      "languages:php@8.2",
      "messaging:rabbitmq",
    ]);
    expect(evidenceOf(findings, "laravel")).toEqual([{ file: "composer.json", line: 5, detail: "laravel/framework ^11.0" }]);
    expect(evidenceOf(findings, "php")).toEqual([{ file: "composer.json", line: 4 }]);
  });

  it("turns broken JSON into a warning without quoting the file", async () => {
    const findings = await runDetector(composerJsonDetector, "composer.json", '{"require": {"php": "^8.2", "token": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"');
    expect(findings).toHaveLength(1);
    expect(warningsOf(findings)[0]?.message).toMatch(/^could not parse JSON/);
    expect(warningsOf(findings)[0]?.message).not.toContain("ghp_");
  });
});

describe("Cargo.toml detector", () => {
  it("reads crates, features that select a database, and rust-version", async () => {
    const text = `[package]
name = "api"
version = "0.1.0"
edition = "2021"
rust-version = "1.75"

[dependencies]
axum = "0.7.5"
tokio = { version = "1.37", features = ["full"] }
sqlx = { version = "0.7", features = ["runtime-tokio", "postgres"] }
redis = "0.25"
rdkafka = "0.36"
tonic = "0.11"
jwt = { package = "jsonwebtoken", version = "9" }

[target.'cfg(unix)'.dependencies]
lapin = "2.3"
`;
    const findings = await runDetector(cargoTomlDetector, "crates/api/Cargo.toml", text);
    expect(itemKeys(findings)).toEqual([
      "apiStyles:grpc",
      "auth:jwt",
      "caches:redis",
      "datastores:postgresql",
      "frameworks:axum@0.7.5",
      "frameworks:sqlx@0.7",
      "frameworks:tokio@1.37",
      "languages:rust@1.75",
      "messaging:kafka",
      "messaging:rabbitmq",
    ]);
    expect(evidenceOf(findings, "postgresql")).toEqual([{ file: "crates/api/Cargo.toml", line: 10, detail: "sqlx 0.7" }]);
    expect(evidenceOf(findings, "jwt")).toEqual([{ file: "crates/api/Cargo.toml", line: 14, detail: "jsonwebtoken 9" }]);
    expect(evidenceOf(findings, "rabbitmq")).toEqual([{ file: "crates/api/Cargo.toml", line: 17, detail: "lapin 2.3" }]);
  });

  it("turns broken TOML into a warning", async () => {
    const findings = await runDetector(cargoTomlDetector, "Cargo.toml", "[dependencies\naxum = 1\n");
    expect(findings.map((f) => f.kind)).toEqual(["warning"]);
  });
});
