import { describe, expect, it } from "@jest/globals";
import { graphqlSchemaDetector } from "../../../src/scan/detectors/graphql-schema.js";
import { openapiSpecDetector } from "../../../src/scan/detectors/openapi-spec.js";
import { prismaSchemaDetector } from "../../../src/scan/detectors/prisma-schema.js";
import { protoFilesDetector } from "../../../src/scan/detectors/proto-files.js";
import { sqlMigrationsDetector } from "../../../src/scan/detectors/sql-migrations.js";
import { evidenceOf, itemKeys, runDetector, warningsOf } from "./run-detector.js";

describe("prisma schema detector", () => {
  it("reports prisma with the model count and the provider, never the url", async () => {
    const text = `generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "postgresql"\n  url      = "postgresql://app:planted-prisma-pw@db:5432/app"\n}\n\nmodel User {\n  id Int @id\n}\n\nmodel Order {\n  id Int @id\n}\n`;
    const findings = await runDetector(prismaSchemaDetector, "prisma/schema.prisma", text);
    expect(itemKeys(findings)).toEqual(["datastores:postgresql", "frameworks:prisma"]);
    expect(evidenceOf(findings, "prisma")).toEqual([{ file: "prisma/schema.prisma", line: 1, detail: "2 models" }]);
    expect(evidenceOf(findings, "postgresql")).toEqual([{ file: "prisma/schema.prisma", line: 6, detail: 'prisma datasource provider "postgresql"' }]);
    expect(JSON.stringify(findings)).not.toContain("planted-prisma-pw");
  });

  it("maps sqlserver to mssql", async () => {
    const findings = await runDetector(prismaSchemaDetector, "schema.prisma", `datasource db {\n  provider = "sqlserver"\n}\n`);
    expect(itemKeys(findings)).toEqual(["datastores:mssql", "frameworks:prisma"]);
  });
});

describe("SQL migrations detector", () => {
  it("matches migration paths only", () => {
    for (const path of ["migrations/001_init.sql", "db/migrate/20240101_init.sql", "src/main/resources/db/migration/V1__init.sql", "V2_1__add.sql", "db/schema.sql"]) {
      expect(sqlMigrationsDetector.matches(path)).toBe(true);
    }
    expect(sqlMigrationsDetector.matches("scripts/report.sql")).toBe(false);
  });

  it("detects PostgreSQL from dialect hints and counts tables", async () => {
    const text = `-- AUTO_INCREMENT appears only in this comment\nCREATE TABLE users (\n  id BIGSERIAL PRIMARY KEY,\n  profile JSONB NOT NULL\n);\nCREATE TABLE orders (id SERIAL PRIMARY KEY, note TEXT DEFAULT 'ENGINE=InnoDB');\n`;
    const findings = await runDetector(sqlMigrationsDetector, "migrations/001_init.sql", text);
    expect(itemKeys(findings)).toEqual(["datastores:postgresql"]);
    expect(evidenceOf(findings, "postgresql")).toEqual([{ file: "migrations/001_init.sql", line: 3, detail: "SERIAL; 2 CREATE TABLE in 001_init.sql" }]);
  });

  it("detects MySQL and stays silent on generic SQL", async () => {
    const mysql = "CREATE TABLE `t` (\n  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n";
    expect(itemKeys(await runDetector(sqlMigrationsDetector, "db/migration/V1__t.sql", mysql))).toEqual(["datastores:mysql"]);
    expect(await runDetector(sqlMigrationsDetector, "migrations/2.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20));\n")).toEqual([]);
  });
});

describe("GraphQL schema detector", () => {
  it("counts types of a schema", async () => {
    const text = `# comment\ntype Query {\n  orders: [Order!]!\n}\n\ntype Order {\n  id: ID!\n}\n\nenum Status { OPEN CLOSED }\ninput NewOrder { id: ID! }\n`;
    const findings = await runDetector(graphqlSchemaDetector, "schema/schema.graphql", text);
    expect(itemKeys(findings)).toEqual(["apiStyles:graphql"]);
    expect(evidenceOf(findings, "graphql")).toEqual([{ file: "schema/schema.graphql", line: 2, detail: "schema with 4 types" }]);
  });

  it("reports operation documents too, and nothing for empty files", async () => {
    const findings = await runDetector(graphqlSchemaDetector, "web/queries.gql", "query Orders {\n  orders { id }\n}\n");
    expect(evidenceOf(findings, "graphql")).toEqual([{ file: "web/queries.gql", line: 1, detail: "1 operation" }]);
    expect(await runDetector(graphqlSchemaDetector, "empty.graphql", "\n# nothing\n")).toEqual([]);
  });
});

describe("OpenAPI detector", () => {
  it("matches spec-like names and API folders", () => {
    for (const path of ["openapi.yaml", "api/openapi.json", "docs/swagger.yml", "api/orders.yaml", "docs/api.yaml", "petstore-openapi.yml"]) {
      expect(openapiSpecDetector.matches(path)).toBe(true);
    }
    for (const path of ["config.yaml", "src/app.json", "docs/guide.md"]) expect(openapiSpecDetector.matches(path)).toBe(false);
  });

  it("reports openapi with version and path count, plus rest", async () => {
    const text = `openapi: 3.0.3\ninfo:\n  title: Orders\n  version: 1.0.0\npaths:\n  /orders:\n    get: {}\n  /orders/{id}:\n    get: {}\n`;
    const findings = await runDetector(openapiSpecDetector, "api/openapi.yaml", text);
    expect(itemKeys(findings)).toEqual(["apiStyles:openapi@3.0.3", "apiStyles:rest"]);
    expect(evidenceOf(findings, "openapi")).toEqual([{ file: "api/openapi.yaml", line: 1, detail: "OpenAPI 3.0.3, 2 paths" }]);
  });

  it("reads Swagger 2 JSON and keeps the written version", async () => {
    const json = JSON.stringify({ swagger: 2.0, info: { title: "x" }, paths: { "/a": {} } }, null, 2).replace('"swagger": 2', '"swagger": 2.0');
    const findings = await runDetector(openapiSpecDetector, "swagger.json", json);
    expect(evidenceOf(findings, "openapi")).toEqual([{ file: "swagger.json", line: 2, detail: "Swagger 2.0, 1 path" }]);
  });

  it("is silent for non-specs and warns on broken specs", async () => {
    expect(await runDetector(openapiSpecDetector, "api/config.yaml", "port: 8080\n")).toEqual([]);
    const broken = await runDetector(openapiSpecDetector, "openapi.yaml", "openapi: 3.1.0\npaths:\n  /a: [\n");
    expect(warningsOf(broken)).toHaveLength(1);
  });
});

describe(".proto detector", () => {
  it("reports grpc only when a service is declared", async () => {
    const text = `syntax = "proto3";\npackage orders.v1;\n\n// service Commented {}\nservice OrderService {\n  rpc Get (GetRequest) returns (Order);\n}\nservice Health {}\nmessage Order { string id = 1; }\n`;
    const findings = await runDetector(protoFilesDetector, "proto/orders.proto", text);
    expect(itemKeys(findings)).toEqual(["apiStyles:grpc"]);
    expect(evidenceOf(findings, "grpc")).toEqual([{ file: "proto/orders.proto", line: 5, detail: "2 services: OrderService, Health" }]);
    expect(await runDetector(protoFilesDetector, "m.proto", 'syntax = "proto3";\nmessage A {}\n')).toEqual([]);
  });
});
