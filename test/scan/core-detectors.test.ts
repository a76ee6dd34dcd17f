import { describe, expect, it } from "@jest/globals";
import * as xml from "fast-xml-parser";
import * as toml from "smol-toml";
import * as jsYaml from "js-yaml";
import { composeDetector } from "../../src/scan/detectors/compose.js";
import { dockerfileDetector } from "../../src/scan/detectors/dockerfile.js";
import { envExampleDetector } from "../../src/scan/detectors/env-example.js";
import { detectors } from "../../src/scan/detectors/index.js";
import { nginxDetector } from "../../src/scan/detectors/nginx.js";
import { packageJsonDetector, versionFromRange } from "../../src/scan/detectors/package-json.js";
import { pnpmWorkspaceDetector } from "../../src/scan/detectors/pnpm-workspace.js";
import { tsconfigDetector } from "../../src/scan/detectors/tsconfig.js";
import type { Detector, Finding, Parsers } from "../../src/scan/types.js";
import { categoryOf } from "../../src/scan/vocabulary.js";
import { createYamlParser } from "../../src/scan/yaml-parser.js";

const parsers = { yaml: createYamlParser(jsYaml), toml, xml } as unknown as Parsers;
const run = (detector: Detector, path: string, text: string): Finding[] => detector.detect({ path, text }, parsers);
const items = (findings: Finding[]) =>
  findings.flatMap((f) => (f.kind === "item" ? [`${f.category}:${f.name}${f.version ? `@${f.version}` : ""}@L${f.evidence.line ?? "-"}`] : [])).sort();

describe("registry", () => {
  it("has unique detector ids", () => {
    const ids = detectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("package.json detector", () => {
  const text = `{
  "name": "api",
  "dependencies": {
    "express": "^4.19.2",
    "pg": "^8.11.5",
    "ioredis": "5.4.1",
    "bullmq": "^5.7.0",
    "@aws-sdk/client-s3": "^3.5.0",
    "@aws-sdk/client-sqs": "^3.5.0",
    "@prisma/client": "^5.14.0",
    "passport-jwt": "^4.0.1",
    "@auth0/nextjs-auth0": "^3.5.0",
    "@grpc/grpc-js": "^1.10.0",
    "left-pad": "^1.3.0"
  },
  "devDependencies": { "typescript": "~5.4.5" }
}`;

  it("maps dependencies to canonical items with the line of each key", () => {
    expect(items(run(packageJsonDetector, "package.json", text))).toEqual([
      "apiStyles:grpc@L13",
      "auth:auth0@L12",
      "auth:jwt@L11",
      "auth:passport@L11",
      "caches:redis@L6",
      "caches:redis@L7",
      "datastores:postgresql@L5",
      "datastores:s3@L8",
      "frameworks:express@4.19.2@L4",
      "frameworks:prisma@5.14.0@L10",
      "languages:javascript@L-",
      "languages:typescript@5.4.5@L16",
      "messaging:bullmq@L7",
      "messaging:sqs@L9",
    ]);
  });

  it("does not name a database from @prisma/client alone, nor a cloud platform from an SDK", () => {
    const names = run(packageJsonDetector, "package.json", '{"dependencies":{"@prisma/client":"5","aws-sdk":"2","@aws-sdk/client-dynamodb":"3"}}').flatMap((f) =>
      f.kind === "item" ? [f.name] : [],
    );
    expect(names).not.toContain("postgresql");
    expect(names).not.toContain("aws");
    expect(names).toContain("dynamodb");
  });

  it("reports workspaces and a nested package as a workspace candidate", () => {
    const root = run(packageJsonDetector, "package.json", '{\n  "private": true,\n  "workspaces": { "packages": ["packages/*"] }\n}');
    expect(root.filter((f) => f.kind === "workspace")).toEqual([
      { kind: "workspace", patterns: ["packages/*"], evidence: { file: "package.json", line: 3, detail: "workspaces" } },
    ]);
    expect(root.some((f) => f.kind === "package")).toBe(false);
    const member = run(packageJsonDetector, "packages/api/package.json", '{\n  "name": "@acme/api"\n}');
    expect(member.filter((f) => f.kind === "package")).toEqual([
      { kind: "package", name: "@acme/api", path: "packages/api", requiresWorkspace: true, evidence: { file: "packages/api/package.json", line: 2 } },
    ]);
  });

  it("turns invalid JSON into a warning with a line, never quoting the file", () => {
    const findings = run(packageJsonDetector, "package.json", '{\n  "name": "x",\n  "token": "ghp_secret" oops\n}');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: "warning", file: "package.json", line: 3 });
    expect(JSON.stringify(findings)).not.toContain("ghp_secret");
  });

  it("ignores non-object JSON and odd dependency fields", () => {
    expect(run(packageJsonDetector, "package.json", "[1,2]")).toMatchObject([{ kind: "warning" }]);
    expect(items(run(packageJsonDetector, "package.json", '{"dependencies": ["express"], "devDependencies": null}'))).toEqual(["languages:javascript@L-"]);
  });

  it.each([
    ["^4.18.2", "4.18.2"],
    ["~5.0", "5.0"],
    [">=3.1 <4", "3.1"],
    ["4.x", "4"],
    ["14.2.3", "14.2.3"],
    ["npm:react@^18.2.0", "18.2.0"],
    ["^1.0.0-beta.3", "1.0.0"],
    ["latest", undefined],
    ["workspace:*", undefined],
    ["github:user/repo", undefined],
    ["file:../lib", undefined],
    ["*", undefined],
  ])("versionFromRange(%s) = %s", (range, expected) => expect(versionFromRange(range)).toBe(expected));
});

describe("compose detector", () => {
  const compose = `version: "3.9"
services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD: hunter2hunter2
  cache:
    image: "bitnami/redis:7.2.4"
  broker:
    image: confluentinc/cp-kafka:7.6.0
  zk:
    image: confluentinc/cp-zookeeper:7.6.0
  search:
    image: docker.elastic.co/elasticsearch/elasticsearch:8.13.4
  proxy:
    image: traefik:v3.0
  s3:
    image: minio/minio:latest
  app:
    build: .
  mq:
    image: rabbitmq:3.13-management
`;

  it("matches compose files anywhere by name", () => {
    for (const p of ["docker-compose.yml", "deploy/docker-compose.prod.yaml", "compose.yaml", "ops/app.compose.yml", "stack-compose-dev.yml"]) {
      expect(composeDetector.matches(p)).toBe(true);
    }
    for (const p of ["composer.json", "docker-compose.yml.bak", "compose.md"]) expect(composeDetector.matches(p)).toBe(false);
  });

  it("reports services, images with versions and lines, and docker-compose", () => {
    const findings = run(composeDetector, "docker-compose.yml", compose);
    expect(items(findings)).toEqual([
      "caches:redis@7.2.4@L8",
      "datastores:elasticsearch@8.13.4@L14",
      "datastores:minio@L18",
      "datastores:postgresql@16@L4",
      "infra:docker-compose@L-",
      "infra:docker@L-",
      "infra:traefik@3.0@L16",
      "messaging:kafka@L10",
      "messaging:rabbitmq@3.13@L22",
      "messaging:zookeeper@L12",
    ]);
    const services = findings.flatMap((f) => (f.kind === "service" ? [`${f.name}=${f.image ?? ""}@L${f.evidence.line}`] : []));
    expect(services).toEqual([
      "db=postgres:16-alpine@L3",
      "cache=bitnami/redis:7.2.4@L7",
      "broker=confluentinc/cp-kafka:7.6.0@L9",
      "zk=confluentinc/cp-zookeeper:7.6.0@L11",
      "search=docker.elastic.co/elasticsearch/elasticsearch:8.13.4@L13",
      "proxy=traefik:v3.0@L15",
      "s3=minio/minio:latest@L17",
      "app=@L19",
      "mq=rabbitmq:3.13-management@L21",
    ]);
    expect(JSON.stringify(findings)).not.toContain("hunter2");
  });

  it("reads compose v1 files with services at the top level", () => {
    expect(items(run(composeDetector, "docker-compose.yml", "web:\n  build: .\nmongo:\n  image: mongo:7.0\n"))).toEqual([
      "datastores:mongodb@7.0@L4",
      "infra:docker-compose@L-",
      "infra:docker@L-",
    ]);
  });

  it("turns broken YAML into a warning with its line and nothing else", () => {
    const findings = run(composeDetector, "docker-compose.yml", 'services:\n  db:\n    image: postgres:16\n      ports: [5432\n  x: "sk_live_unterminated\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: "warning", file: "docker-compose.yml" });
    // The parser's reason and column, never its excerpt of the file (the broken line holds a secret).
    expect((findings[0] as { message: string }).message).toMatch(/^invalid YAML at column \d+: [^\n]+; file ignored$/);
    expect((findings[0] as { message: string }).message).not.toContain("sk_live");
    expect((findings[0] as { line?: number }).line).toBeGreaterThanOrEqual(3);
  });

  it("ignores YAML that is not a compose document", () => {
    expect(run(composeDetector, "compose.yml", "- a\n- b\n")).toEqual([]);
    expect(run(composeDetector, "compose.yml", "")).toEqual([]);
  });
});

describe("Dockerfile detector", () => {
  it("matches Dockerfile variants", () => {
    for (const p of ["Dockerfile", "api/Dockerfile", "Dockerfile.prod", "worker.Dockerfile", "Containerfile"]) expect(dockerfileDetector.matches(p)).toBe(true);
    expect(dockerfileDetector.matches("Dockerfiles.md")).toBe(false);
  });

  it("reports docker and what each base image runs, skipping stages, scratch and variables", () => {
    const text = "ARG BASE=alpine\nFROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build\nRUN go build\nFROM build AS test\nFROM ${BASE}\nFROM scratch\nFROM python:3.12-slim\nFROM node:${NODE_VERSION}-alpine\n";
    expect(items(run(dockerfileDetector, "Dockerfile", text))).toEqual([
      "infra:docker@L-",
      "languages:go@1.22@L2",
      "languages:javascript@L8",
      "languages:python@3.12@L7",
    ]);
  });
});

describe(".env.example detector", () => {
  it("matches templates, never real env files", () => {
    for (const p of [".env.example", "api/.env.sample", ".env.template", "config/app.env.example"]) expect(envExampleDetector.matches(p)).toBe(true);
    for (const p of [".env", ".env.local", ".envrc", ".env.production"]) expect(envExampleDetector.matches(p)).toBe(false);
  });

  it("reports key-name hints and never values", () => {
    const text = "# comment\nDATABASE_URL=postgres://u:Sup3rS3cret@h/db\nREDIS_URL=redis://x\nexport KAFKA_BROKERS=k:9092\nRABBITMQ_URL=amqp://x\nS3_BUCKET=b\nPORT=3000\nJWT_SECRET=abc\n";
    const findings = run(envExampleDetector, ".env.example", text);
    expect(items(findings)).toEqual(["auth:jwt@L8", "caches:redis@L3", "datastores:s3@L6", "messaging:kafka@L4", "messaging:rabbitmq@L5"]);
    expect(JSON.stringify(findings)).not.toMatch(/Sup3rS3cret|redis:\/\/|amqp|9092/);
  });
});

describe("small detectors", () => {
  it("nginx config → nginx with the first server block line", () => {
    expect(nginxDetector.matches("deploy/nginx.conf")).toBe(true);
    expect(nginxDetector.matches("nginx/default.conf")).toBe(true);
    expect(nginxDetector.matches("app.conf")).toBe(false);
    expect(items(run(nginxDetector, "nginx.conf", "worker_processes 1;\nevents {}\nhttp {\n  server {\n  }\n}\n"))).toEqual(["infra:nginx@L3"]);
  });

  it("tsconfig → typescript", () => {
    expect(tsconfigDetector.matches("packages/a/tsconfig.build.json")).toBe(true);
    expect(items(run(tsconfigDetector, "tsconfig.json", "{ // comment\n}"))).toEqual(["languages:typescript@L-"]);
  });

  it("pnpm-workspace.yaml → workspace patterns; broken YAML → warning", () => {
    expect(run(pnpmWorkspaceDetector, "pnpm-workspace.yaml", "# c\npackages:\n  - apps/*\n  - '!apps/old'\n")).toEqual([
      { kind: "workspace", patterns: ["apps/*", "!apps/old"], evidence: { file: "pnpm-workspace.yaml", line: 2, detail: "pnpm workspace" } },
    ]);
    expect(run(pnpmWorkspaceDetector, "pnpm-workspace.yaml", "packages: [a\n")).toMatchObject([{ kind: "warning" }]);
  });
});

describe("vocabulary", () => {
  it("every name my detectors can emit is in the vocabulary", async () => {
    const { NPM_DEPENDENCIES, NPM_PREFIXES } = await import("../../src/scan/vocabulary-npm.js");
    const { IMAGE_MEANINGS } = await import("../../src/scan/vocabulary-images.js");
    const { ENV_KEY_HINTS } = await import("../../src/scan/detectors/env-example.js");
    const names = [
      ...Object.values(NPM_DEPENDENCIES).flat(),
      ...NPM_PREFIXES.flatMap(([, n]) => n),
      ...Object.values(IMAGE_MEANINGS).flatMap((m) => m.names),
      ...ENV_KEY_HINTS.map(([, n]) => n),
    ];
    expect(names.filter((name) => categoryOf(name) === undefined)).toEqual([]);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
