import { afterAll, describe, expect, it } from "@jest/globals";
import { scanRepository } from "../../../src/scan/scan.js";
import type { ContextItem, RepoContext } from "../../../src/scan/types.js";
import { runAdrgen } from "../../helpers/run.js";
import { cleanupTempDirs } from "../../helpers/tmp.js";
import { copyFixture } from "../fixture-repo.js";

afterAll(cleanupTempDirs);

const CATEGORIES = ["languages", "frameworks", "datastores", "caches", "messaging", "apiStyles", "auth", "infra", "ci"] as const;

/** Every item as `category:name[@version]`. */
function keys(context: RepoContext): string[] {
  return CATEGORIES.flatMap((category) => context[category].map((item) => `${category}:${item.name}${item.version ? `@${item.version}` : ""}`));
}

/** Where an item is proven, as `file[:line]` strings. */
function where(list: ContextItem[], name: string): string[] {
  const item = list.find((entry) => entry.name === name);
  return (item?.evidence ?? []).map((e) => (e.line !== undefined ? `${e.file}:${e.line}` : e.file));
}

async function scanFixture(name: string): Promise<RepoContext> {
  return scanRepository(copyFixture(name, { git: true }), { includeDecisions: false });
}

describe("ecosystem fixtures through scanRepository", () => {
  it("python-fastapi-celery-rabbitmq", async () => {
    const context = await scanFixture("python-fastapi-celery-rabbitmq");
    expect(keys(context)).toEqual(expect.arrayContaining([
      "languages:python@3.12",
      "frameworks:fastapi@0.111.0",
      "frameworks:sqlalchemy@2.0.30",
      "datastores:postgresql@16",
      "messaging:celery@5.4.0",
      "messaging:rabbitmq@3.13",
      "apiStyles:openapi@3.1.0",
      "apiStyles:rest",
      "auth:jwt",
    ]));
    expect(where(context.frameworks, "fastapi")).toEqual(["pyproject.toml:6"]);
    expect(where(context.languages, "python")).toEqual(["pyproject.toml:4", "requirements-dev.txt"]);
    expect(where(context.datastores, "postgresql")).toEqual(expect.arrayContaining(["pyproject.toml:11"]));
    expect(where(context.messaging, "rabbitmq")).toEqual(expect.arrayContaining(["pyproject.toml:9"]));
    expect(context.apiStyles.find((item) => item.name === "openapi")?.evidence).toEqual([{ file: "api/openapi.yaml", line: 1, detail: "OpenAPI 3.1.0, 2 paths" }]);
    expect(context.infra.map((item) => item.name)).not.toContain("aws");
    expect(context.warnings).toEqual([]);
  });

  it("go-kafka-k8s: Go, Kafka, Kubernetes and Helm, with the Secret unread", async () => {
    const context = await scanFixture("go-kafka-k8s");
    expect(keys(context)).toEqual(expect.arrayContaining([
      "languages:go@1.22",
      "frameworks:chi@5.0.12",
      "messaging:kafka@3.7.0",
      "apiStyles:grpc",
      "apiStyles:rest",
      "infra:kubernetes",
      "infra:helm",
      "infra:traefik",
      "infra:docker",
      "ci:github-actions",
    ]));
    expect(context.caches).toEqual([]); // go-redis is only an indirect requirement
    expect(where(context.messaging, "kafka")).toEqual(["go.mod:8", "k8s/kafka.yaml:11"]);
    expect(where(context.datastores, "postgresql")).toEqual(["charts/orders/Chart.yaml:7", "charts/orders/values.yaml:10", "go.mod:7"]);
    expect(where(context.apiStyles, "grpc")).toEqual(["go.mod:9", "proto/orders.proto:5"]);
    expect(where(context.infra, "kubernetes")).toEqual(expect.arrayContaining(["k8s/orders.yaml:2", "k8s/kafka.yaml:2", "k8s/secret.yaml:3"]));
    expect(context.services.filter((s) => s.source !== "compose").map((s) => `${s.source}:${s.name}:${s.image ?? ""}`)).toEqual([
      "kubernetes:kafka:bitnami/kafka:3.7.0",
      "helm:orders:",
      "kubernetes:orders-api:ghcr.io/acme/orders:1.8.0",
      "helm:postgresql:",
    ]);
    // Helm templates are not manifests and must not become warnings.
    expect(context.warnings).toEqual([]);
    const json = JSON.stringify(context);
    for (const secret of ["fake-Go-K8s-Passw0rd", "fake-go-k8s-api-token-5b1c", "ZmFrZS1nby1rOHMtcGFzc3dvcmQ=", "fake-helm-values-password-77", "orders-db"]) {
      expect(json).not.toContain(secret);
    }
    expect(keys(context)).not.toContain("datastores:postgresql@16");
  });

  it("java-spring-maven: Spring Boot + MySQL from pom.xml and a Flyway migration", async () => {
    const context = await scanFixture("java-spring-maven");
    expect(keys(context)).toEqual([
      "languages:java@21",
      "frameworks:flyway",
      "frameworks:spring-boot@3.2.5",
      "frameworks:spring-data-jpa",
      "datastores:mysql",
      "messaging:rabbitmq",
      "apiStyles:rest",
      "auth:spring-security",
    ]);
    expect(where(context.frameworks, "spring-boot")).toEqual(["pom.xml:8", "pom.xml:21"]);
    expect(where(context.datastores, "mysql")).toEqual(["pom.xml:41", "src/main/resources/db/migration/V1__create_orders.sql:2"]);
    expect(context.datastores[0]?.evidence[1]?.detail).toBe("AUTO_INCREMENT; 2 CREATE TABLE in V1__create_orders.sql");
  });

  it("java-spring-gradle: Kotlin Spring Boot from build.gradle.kts", async () => {
    const context = await scanFixture("java-spring-gradle");
    expect(keys(context)).toEqual([
      "languages:kotlin@1.9.24",
      "frameworks:spring-boot@3.3.1",
      "frameworks:spring-webflux",
      "datastores:postgresql",
      "caches:redis",
      "messaging:kafka",
      "apiStyles:rest",
      "auth:oauth2",
    ]);
    expect(where(context.frameworks, "spring-boot")).toEqual(["build.gradle.kts:2", "build.gradle.kts:18"]);
    expect(where(context.datastores, "postgresql")).toEqual(["build.gradle.kts:23"]);
  });

  it("rails-app: Gemfile, Gemfile.lock versions, database.yml adapter, GraphQL schema", async () => {
    const context = await scanFixture("rails-app");
    expect(keys(context)).toEqual(expect.arrayContaining([
      "languages:ruby@3.3.1",
      "frameworks:rails@7.1.3.4",
      "datastores:postgresql",
      "caches:redis",
      "messaging:sidekiq@7.2.4",
      "apiStyles:graphql",
      "apiStyles:rest",
      "auth:devise@4.9.4",
      "auth:oauth2",
    ]));
    expect(where(context.datastores, "postgresql")).toEqual(["Gemfile:6", "Gemfile.lock:13", "config/database.yml:2"]);
    expect(where(context.apiStyles, "graphql")).toEqual(["Gemfile:11", "Gemfile.lock:8", "app/graphql/schema.graphql:1"]);
    expect(JSON.stringify(context)).not.toContain("fake-rails-db-passw0rd-31");
  });

  it("terraform-aws: AWS services from Terraform and the deploy workflow; tfvars never read", async () => {
    const context = await scanFixture("terraform-aws");
    expect(keys(context)).toEqual([
      "datastores:postgresql@16.3",
      "datastores:s3",
      "caches:redis",
      "messaging:sns",
      "messaging:sqs",
      "infra:aws",
      "infra:aws-ecs",
      "infra:aws-lambda",
      "infra:aws-rds",
      "infra:terraform@1.7.0",
      "ci:github-actions",
    ]);
    expect(where(context.infra, "aws-ecs")).toEqual([".github/workflows/deploy.yml:23", "infra/compute.tf:1", "infra/compute.tf:5"]);
    expect(where(context.infra, "terraform")).toEqual(expect.arrayContaining([".github/workflows/deploy.yml:22", "infra/main.tf:1"]));
    expect(where(context.messaging, "sqs")).toEqual(["infra/messaging.tf:1"]);
    const json = JSON.stringify(context);
    expect(json).not.toContain("prod.tfvars");
    expect(json).not.toContain("fake-Tfvars-Db-Passw0rd-8841");
    expect(json).not.toContain("AKIAFAKEFAKEFAKE7788");
  });

  it("ci-zoo: every CI system by its config file", async () => {
    const context = await scanFixture("ci-zoo");
    expect(context.ci.map((item) => `${item.name} ${where(context.ci, item.name).join(",")}`)).toEqual([
      "appveyor appveyor.yml",
      "aws-codebuild buildspec.yml",
      "azure-pipelines azure-pipelines.yml",
      "bitbucket-pipelines bitbucket-pipelines.yml",
      "buildkite .buildkite/pipeline.yml",
      "circleci .circleci/config.yml",
      "drone .drone.yml",
      "github-actions .github/workflows/ci.yml",
      "gitlab-ci .gitlab-ci.yml",
      "google-cloud-build cloudbuild.yaml",
      "jenkins Jenkinsfile",
      "travis-ci .travis.yml",
      "woodpecker .woodpecker/build.yml",
    ]);
    expect(where(context.infra, "terraform")).toEqual(["Jenkinsfile:11"]);
    expect(where(context.infra, "aws-ecs")).toEqual([".circleci/config.yml:3"]);
    expect(where(context.infra, "kubernetes")).toEqual([".buildkite/pipeline.yml:5", ".gitlab-ci.yml:11"]);
    expect(context.warnings).toEqual([]);
  });
});

describe("adrgen context on ecosystem fixtures", () => {
  it("prints no planted secret, human or JSON", async () => {
    for (const fixture of ["go-kafka-k8s", "terraform-aws", "rails-app"]) {
      const root = copyFixture(fixture, { git: true });
      for (const args of [["context"], ["context", "--json"]]) {
        const result = await runAdrgen(args, { cwd: root });
        expect(result.code).toBe(0);
        const output = result.stdout + result.stderr;
        for (const secret of ["fake-Go-K8s-Passw0rd", "fake-go-k8s-api-token", "fake-helm-values-password", "fake-Tfvars-Db-Passw0rd", "AKIAFAKEFAKEFAKE7788", "fake-rails-db-passw0rd"]) {
          expect(output).not.toContain(secret);
        }
      }
    }
  });
});
