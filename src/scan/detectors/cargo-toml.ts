import type { Detector, Finding } from "../types.js";
import { cleanVersion, hasFileName, itemFinding, itemFindings, tech, type DependencyRules } from "./dependency-rules.js";
import { tomlLine } from "./find-line.js";
import { asString, asStrings, asTable, parseTomlTable, type Table } from "./structured-text.js";

/** Crate name → what it proves. */
export const RUST_RULES: DependencyRules = {
  "actix-web": [tech("frameworks", "actix-web", true)],
  axum: [tech("frameworks", "axum", true)],
  rocket: [tech("frameworks", "rocket", true)],
  warp: [tech("frameworks", "warp", true)],
  poem: [tech("frameworks", "poem", true)],
  tokio: [tech("frameworks", "tokio", true)],
  sqlx: [tech("frameworks", "sqlx", true)],
  diesel: [tech("frameworks", "diesel", true)],
  "sea-orm": [tech("frameworks", "sea-orm", true)],
  "tokio-postgres": [tech("datastores", "postgresql")],
  postgres: [tech("datastores", "postgresql")],
  mysql_async: [tech("datastores", "mysql")],
  mysql: [tech("datastores", "mysql")],
  rusqlite: [tech("datastores", "sqlite")],
  mongodb: [tech("datastores", "mongodb")],
  elasticsearch: [tech("datastores", "elasticsearch")],
  clickhouse: [tech("datastores", "clickhouse")],
  "meilisearch-sdk": [tech("datastores", "meilisearch")],
  "aws-sdk-s3": [tech("datastores", "s3")],
  "aws-sdk-dynamodb": [tech("datastores", "dynamodb")],
  redis: [tech("caches", "redis")],
  "deadpool-redis": [tech("caches", "redis")],
  "bb8-redis": [tech("caches", "redis")],
  fred: [tech("caches", "redis")],
  rdkafka: [tech("messaging", "kafka")],
  lapin: [tech("messaging", "rabbitmq")],
  "async-nats": [tech("messaging", "nats")],
  "aws-sdk-sqs": [tech("messaging", "sqs")],
  tonic: [tech("apiStyles", "grpc")],
  "async-graphql": [tech("apiStyles", "graphql")],
  juniper: [tech("apiStyles", "graphql")],
  "tokio-tungstenite": [tech("apiStyles", "websocket")],
  jsonwebtoken: [tech("auth", "jwt")],
  oauth2: [tech("auth", "oauth2")],
  casbin: [tech("auth", "casbin")],
  utoipa: [tech("apiStyles", "openapi")],
};

/** Crate features that select a database driver (sqlx `postgres`, diesel `mysql`, sea-orm `sqlx-sqlite`). */
const FEATURE_RULES: Record<string, DependencyRules> = Object.fromEntries(
  ["sqlx", "diesel", "sea-orm"].map((crate) => [
    crate,
    {
      postgres: [tech("datastores", "postgresql")],
      "sqlx-postgres": [tech("datastores", "postgresql")],
      mysql: [tech("datastores", "mysql")],
      "sqlx-mysql": [tech("datastores", "mysql")],
      sqlite: [tech("datastores", "sqlite")],
      "sqlx-sqlite": [tech("datastores", "sqlite")],
    },
  ]),
);

/** Every dependency table of a manifest with its dotted name (plain, dev, build, workspace and target-specific). */
function dependencyTables(doc: Table): Array<[string, Table]> {
  const tables: Array<[string, Table]> = [];
  for (const kind of ["dependencies", "dev-dependencies", "build-dependencies"]) tables.push([kind, asTable(doc[kind])]);
  tables.push(["workspace.dependencies", asTable(asTable(doc.workspace).dependencies)]);
  for (const [target, body] of Object.entries(asTable(doc.target))) {
    for (const kind of ["dependencies", "dev-dependencies"]) tables.push([`target.${target}.${kind}`, asTable(asTable(body)[kind])]);
  }
  return tables;
}

/** Cargo.toml: Rust (with `rust-version`), crates and the database features they enable. */
export const cargoTomlDetector: Detector = {
  id: "rust-cargo",
  uses: ["toml"],
  matchesByName: true,
  matches: (path) => hasFileName(path, "Cargo.toml"),
  detect(file, parsers) {
    const parsed = parseTomlTable(file, parsers.toml);
    if (!parsed.ok) return [parsed.warning];
    const rustVersion = asString(asTable(parsed.value.package)["rust-version"]);
    const findings: Finding[] = [
      rustVersion
        ? itemFinding("languages", "rust", { file: file.path, line: tomlLine(file.text, "package", "rust-version") }, cleanVersion(rustVersion))
        : itemFinding("languages", "rust", { file: file.path, detail: "Cargo.toml" }),
    ];
    for (const [tableName, table] of dependencyTables(parsed.value)) {
      for (const [key, value] of Object.entries(table)) {
        const spec = asTable(value);
        // `package = "..."` renames a crate; the real crate name decides what it proves.
        const crate = asString(spec.package) ?? key;
        const version = cleanVersion(typeof value === "string" ? value : asString(spec.version));
        const evidence = { file: file.path, line: tomlLine(file.text, tableName, key), detail: `${crate}${version ? ` ${version}` : ""}` };
        findings.push(...itemFindings(RUST_RULES[crate] ?? [], evidence, version));
        const featureRules = FEATURE_RULES[crate];
        if (featureRules) for (const feature of asStrings(spec.features)) findings.push(...itemFindings(featureRules[feature] ?? [], evidence));
      }
    }
    return findings;
  },
};
