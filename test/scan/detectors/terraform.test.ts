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
