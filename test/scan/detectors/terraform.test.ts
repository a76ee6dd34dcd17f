import { describe, expect, it } from "@jest/globals";
import { terraformDetector } from "../../../src/scan/detectors/terraform.js";
import { evidenceOf, itemKeys, runDetector } from "./run-detector.js";

const MAIN_TF = `terraform {
  required_version = ">= 1.6.0"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_sqs_queue" "orders" {
  name = "orders"
  redrive_policy = jsonencode({ deadLetterTargetArn = "x" })
}

resource "aws_db_instance" "main" {
  engine         = "postgres"
  engine_version = "16.2"
  password       = var.db_password
  tags = {
    engine = "mysql"
  }
}

resource "aws_elasticache_replication_group" "cache" {
  description = "cache"
}

resource "aws_ecs_service" "api" {
  name = "api"
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"
}
`;

describe("terraform detector", () => {
  it("matches .tf files but never .tfvars", () => {
    expect(terraformDetector.matches("infra/main.tf")).toBe(true);
    expect(terraformDetector.matches("infra/prod.tfvars")).toBe(false);
    expect(terraformDetector.matches("infra/prod.auto.tfvars")).toBe(false);
  });

  it("reports terraform, providers, resources and engines with lines", async () => {
    const findings = await runDetector(terraformDetector, "infra/main.tf", MAIN_TF);
    expect(itemKeys(findings)).toEqual([
      "caches:redis",
      "datastores:postgresql@16.2",
      "infra:aws",
      "infra:aws-ecs",
      "infra:aws-eks",
      "infra:aws-rds",
      "infra:kubernetes",
      "infra:terraform@1.6.0",
      "messaging:sqs",
    ]);
    expect(evidenceOf(findings, "terraform")).toEqual([{ file: "infra/main.tf", line: 1 }]);
    expect(evidenceOf(findings, "sqs")).toEqual([{ file: "infra/main.tf", line: 12, detail: "resource aws_sqs_queue.orders" }]);
    expect(evidenceOf(findings, "postgresql")).toEqual([{ file: "infra/main.tf", line: 18, detail: 'aws_db_instance.main engine = "postgres"' }]);
    expect(evidenceOf(findings, "aws")[0]).toEqual({ file: "infra/main.tf", line: 4, detail: "required provider hashicorp/aws" });
    expect(evidenceOf(findings, "aws-eks")).toEqual([{ file: "infra/main.tf", line: 35, detail: "module source terraform-aws-modules/eks/aws" }]);
    // A nested `engine` inside tags is not the database engine.
    expect(itemKeys(findings)).not.toContain("datastores:mysql");
  });

  it("maps Google and Azure resources, including Cloud SQL versions", async () => {
    const text = `provider "google" {}\nresource "google_pubsub_topic" "events" {\n  name = "events"\n}\nresource "google_sql_database_instance" "db" {\n  database_version = "MYSQL_8_0"\n}\nresource "azurerm_redis_cache" "c" {}\nresource "aws_elasticache_cluster" "m" {\n  engine = "memcached"\n}\n`;
    const findings = await runDetector(terraformDetector, "gcp.tf", text);
    expect(itemKeys(findings)).toEqual([
      "caches:memcached",
      "caches:redis",
      "datastores:mysql@8.0",
      "infra:aws",
      "infra:azure",
      "infra:gcp",
      "infra:terraform",
      "messaging:google-pubsub",
    ]);
    expect(evidenceOf(findings, "mysql")[0]?.line).toBe(6);
  });

  it("never puts attribute values other than engines into findings", async () => {
    const text = `resource "aws_db_instance" "x" {\n  engine = "mysql"\n  password = "Sup3rS3cret!"\n  username = "admin"\n}\n`;
    expect(JSON.stringify(await runDetector(terraformDetector, "db.tf", text))).not.toMatch(/Sup3rS3cret|admin/);
  });

  it("survives unbalanced braces and garbage", async () => {
    const findings = await runDetector(terraformDetector, "x.tf", 'resource "aws_s3_bucket" "b" {\n  x = "}"\n  {{{{\n');
    expect(itemKeys(findings)).toEqual(["datastores:s3", "infra:aws", "infra:terraform"]);
  });
});

describe("terraform providers of the HashiCorp stack and hosted services", () => {
  const STACK_TF = `terraform {
  required_providers {
    consul = { source = "hashicorp/consul" }
    nomad = {
      source = "hashicorp/nomad"
    }
    datadog = { source = "DataDog/datadog" }
  }
}

provider "grafana" {}

resource "consul_service" "api" {
  name = "api"
}

resource "nomad_job" "api" {
  jobspec = file("api.nomad.hcl")
}

resource "mongodbatlas_cluster" "main" {
  name = "main"
}

resource "confluent_kafka_cluster" "events" {}

resource "auth0_client" "web" {}

resource "vercel_project" "site" {}

resource "kubernetes_deployment" "web" {}

resource "random_password" "db" {}
`;

  it("names consul, nomad and the services their providers and resource types configure, with lines", async () => {
    const findings = await runDetector(terraformDetector, "infra/stack.tf", STACK_TF);
    expect(itemKeys(findings)).toEqual([
      "auth:auth0",
      "datastores:mongodb",
      "infra:consul",
      "infra:datadog",
      "infra:grafana",
      "infra:kubernetes",
      "infra:nomad",
      "infra:terraform",
      "infra:vercel",
      "messaging:kafka",
    ]);
    expect(evidenceOf(findings, "consul")).toEqual([
      { file: "infra/stack.tf", line: 3, detail: "required provider hashicorp/consul" },
      { file: "infra/stack.tf", line: 13, detail: "resource consul_service.api" },
    ]);
    expect(evidenceOf(findings, "nomad")).toEqual([
      { file: "infra/stack.tf", line: 5, detail: "required provider hashicorp/nomad" },
      { file: "infra/stack.tf", line: 17, detail: "resource nomad_job.api" },
    ]);
    expect(evidenceOf(findings, "datadog")).toEqual([{ file: "infra/stack.tf", line: 7, detail: "required provider DataDog/datadog" }]);
    expect(evidenceOf(findings, "grafana")).toEqual([{ file: "infra/stack.tf", line: 11, detail: 'provider "grafana"' }]);
    expect(evidenceOf(findings, "mongodb")).toEqual([{ file: "infra/stack.tf", line: 21, detail: "resource mongodbatlas_cluster.main" }]);
    expect(evidenceOf(findings, "kafka")).toEqual([{ file: "infra/stack.tf", line: 25, detail: "resource confluent_kafka_cluster.events" }]);
    expect(evidenceOf(findings, "auth0")).toEqual([{ file: "infra/stack.tf", line: 27, detail: "resource auth0_client.web" }]);
    expect(evidenceOf(findings, "vercel")).toEqual([{ file: "infra/stack.tf", line: 29, detail: "resource vercel_project.site" }]);
    expect(evidenceOf(findings, "kubernetes")).toEqual([{ file: "infra/stack.tf", line: 31, detail: "resource kubernetes_deployment.web" }]);
  });

  it("does not treat cloud resource prefixes or object keys as provider families", async () => {
    const text = `resource "aws_iam_role" "a" {}\nresource "aws_iam_policy" "b" {}\nresource "constructor_x" "c" {}\nresource "toString_y" "d" {}\n`;
    const findings = await runDetector(terraformDetector, "iam.tf", text);
    expect(itemKeys(findings)).toEqual(["infra:aws", "infra:terraform"]);
    // The platform is cited once a file, not once a resource.
    expect(evidenceOf(findings, "aws")).toEqual([{ file: "iam.tf", line: 1, detail: "resource aws_iam_role.a" }]);
  });
});

describe("terraform providers that configure a running server", () => {
  it("names postgresql, rabbitmq, kafka, docker and sentry from their providers and resource types", async () => {
    const text = `terraform {
  required_providers {
    postgresql = { source = "cyrilgdn/postgresql" }
    rabbitmq = { source = "cyrilgdn/rabbitmq" }
    kafka = { source = "Mongey/kafka" }
  }
}
provider "docker" {}
resource "sentry_project" "web" {}
resource "postgresql_database" "orders" {}
resource "kafka_topic" "events" {}
`;
    const findings = await runDetector(terraformDetector, "ops.tf", text);
    expect(itemKeys(findings)).toEqual(["datastores:postgresql", "infra:docker", "infra:sentry", "infra:terraform", "messaging:kafka", "messaging:rabbitmq"]);
    expect(evidenceOf(findings, "postgresql")).toEqual([
      { file: "ops.tf", line: 3, detail: "required provider cyrilgdn/postgresql" },
      { file: "ops.tf", line: 10, detail: "resource postgresql_database.orders" },
    ]);
    expect(evidenceOf(findings, "rabbitmq")).toEqual([{ file: "ops.tf", line: 4, detail: "required provider cyrilgdn/rabbitmq" }]);
    expect(evidenceOf(findings, "kafka")).toEqual([
      { file: "ops.tf", line: 5, detail: "required provider Mongey/kafka" },
      { file: "ops.tf", line: 11, detail: "resource kafka_topic.events" },
    ]);
    expect(evidenceOf(findings, "docker")).toEqual([{ file: "ops.tf", line: 8, detail: 'provider "docker"' }]);
    expect(evidenceOf(findings, "sentry")).toEqual([{ file: "ops.tf", line: 9, detail: "resource sentry_project.web" }]);
  });

  it("does not mistake provider names for Object methods", async () => {
    const text = `terraform {\n  required_providers {\n    x = { source = "acme/constructor" }\n  }\n}\nprovider "toString" {}\nprovider "__proto__" {}\n`;
    const findings = await runDetector(terraformDetector, "odd.tf", text);
    expect(findings).toEqual([{ kind: "item", category: "infra", name: "terraform", evidence: { file: "odd.tf", line: 1 } }]);
  });
});
