import { describe, expect, it } from "@jest/globals";
import type { ContextSpec } from "./helpers.js";
import { decideWith, makeContext, topics } from "./helpers.js";

/**
 * The scenarios each topic's author tuned it for (the header comment of knowledge/topics/<id>.yaml),
 * run through plan() and decide() as `adrgen new --yes` would. `uses` names go into the context
 * with evidence (clouds as deployment evidence, `lang:x` as the main language, `img:x` as a compose
 * service image); `adr` adds earlier decisions.
 */
interface Scenario {
  name: string;
  uses?: string[];
  answers?: Record<string, string>;
  adr?: Array<[title: string, status: string]>;
  /** The winner, or any of several acceptable winners. */
  expect: string | string[];
  /** Text the outcome's reason must contain (e.g. the evidence file). */
  because?: string[];
  /**
   * The topic's data does not yet produce the author's expected winner (reported to the topic's
   * owner); `it.failing` keeps the scenario visible and fails once the data is fixed, so the flag is removed.
   */
  knownGap?: string;
}

function contextFor(uses: string[] = [], adr: Scenario["adr"] = []) {
  const spec: ContextSpec = { items: { languages: [], infra: [], frameworks: [] }, services: [], decisions: adr.map(([title, status]) => ({ title, status })) };
  uses.forEach((name, i) => {
    if (name.startsWith("lang:")) spec.items!.languages!.push([name.slice(5), "manifest.txt", i + 1]);
    else if (name.startsWith("img:")) spec.services!.push({ name: name.slice(4), image: `${name.slice(4)}:latest`, file: "docker-compose.yml", line: 40 + i });
    else if (["aws", "gcp", "azure"].includes(name)) spec.items!.infra!.push([name, "infra/main.tf", i + 1]);
    else spec.items!.frameworks!.push([name, "docker-compose.yml", i + 1]);
  });
  return makeContext(spec);
}

const SCENARIOS: Record<string, Scenario[]> = {
  "message-broker": [
    { name: "1 nothing known", expect: "rabbitmq" },
    { name: "2 Redis in compose, modest volume", uses: ["redis"], answers: { "scale.rps": "100-1k" }, expect: "redis-queue", because: ["Redis already runs here (docker-compose.yml:1)"] },
    { name: "3 replay + 10k-100k msg/s", answers: { "message-broker.replay": "yes", "scale.rps": "10k-100k" }, expect: "kafka" },
    { name: "3 replay + over 100k msg/s", answers: { "message-broker.replay": "yes", "scale.rps": "gt-100k" }, expect: "kafka" },
    { name: "3 replay + high volume, no ops, on AWS", uses: ["aws"], answers: { "message-broker.replay": "yes", "scale.rps": "gt-100k", "budget.ops": "none" }, expect: "kafka" },
    { name: "4 per-key ordering + exactly-once", answers: { "message-broker.ordering": "per-key", "message-broker.delivery": "exactly-once", "budget.ops": "some" }, expect: "kafka", because: ["per-key ordering", "exactly-once"] },
    { name: "5 tiny team, no ops, on AWS", uses: ["aws"], answers: { "team.size": "1-3", "budget.ops": "none" }, expect: "managed-queue" },
    { name: "5 tiny team, no ops, no cloud evidence", answers: { "team.size": "1-3", "budget.ops": "none" }, expect: "managed-queue" },
    { name: "6 PCI DSS on AWS", uses: ["aws"], answers: { "security.compliance": "pci-dss", "budget.ops": "some" }, expect: "managed-queue" },
    { name: "6 HIPAA on AWS", uses: ["aws"], answers: { "security.compliance": "hipaa" }, expect: "managed-queue" },
    { name: "7 Kafka already running", uses: ["kafka"], expect: "kafka", because: ["docker-compose.yml:1"] },
    { name: "7 RabbitMQ already running", uses: ["rabbitmq"], expect: "rabbitmq" },
    { name: "7 NATS already running", uses: ["nats"], expect: "nats-jetstream" },
    { name: "7 Kafka running but rejected by an ADR", uses: ["kafka"], adr: [["Use Apache Kafka for events", "Rejected"]], expect: ["rabbitmq", "redis-queue", "managed-queue", "nats-jetstream"] },
  ],
  "background-jobs": [
    { name: "1 nothing known", expect: "redis-job-library" },
    { name: "2 PostgreSQL, transactional enqueue", uses: ["postgresql"], answers: { "background-jobs.transactional": "yes" }, expect: "db-queue", because: ["docker-compose.yml:1"] },
    { name: "3 Redis + BullMQ", uses: ["redis", "bullmq"], expect: "redis-job-library" },
    { name: "3 Redis + Sidekiq", uses: ["redis", "sidekiq"], expect: "redis-job-library" },
    { name: "4 periodic batch work", answers: { "background-jobs.kind": "scheduled" }, expect: "cron" },
    { name: "5 multi-step processes", answers: { "background-jobs.kind": "multi-step" }, expect: "workflow-engine" },
    { name: "6 over 100k jobs/s", answers: { "scale.rps": "gt-100k" }, expect: "broker-workers" },
    { name: "6 SQS already used", uses: ["sqs"], expect: "broker-workers" },
    { name: "6 RabbitMQ already used", uses: ["rabbitmq"], expect: "broker-workers" },
    { name: "7 tiny team, no ops, AWS, nothing else", uses: ["aws"], answers: { "team.size": "1-3", "budget.ops": "none" }, expect: "broker-workers" },
    { name: "8 PostgreSQL at 10k-100k jobs/s", uses: ["postgresql"], answers: { "scale.rps": "10k-100k" }, expect: "broker-workers" },
    { name: "9 PostgreSQL and Redis, no job library", uses: ["postgresql", "redis"], expect: "db-queue" },
  ],
  cache: [
    { name: "1 nothing known", expect: "redis" },
    { name: "2 Redis in compose", uses: ["redis"], expect: "redis", because: ["docker-compose.yml:1"] },
    { name: "3 one instance", answers: { "cache.instances": "one" }, expect: "in-process" },
    { name: "4 public HTTP responses", answers: { "cache.content": "public-http" }, expect: "http-cdn" },
    { name: "5 Memcached running", uses: ["memcached"], expect: "memcached" },
    { name: "6 shared state, no ops", answers: { "cache.content": "shared-state", "budget.ops": "none" }, expect: "redis" },
    { name: "7 must be fresh on several instances", answers: { "cache.staleness": "must-be-fresh", "cache.instances": "several" }, expect: "redis" },
  ],
  "api-style": [
    { name: "1 nothing known", expect: "rest" },
    { name: "2 public API", answers: { "api-style.consumers": "public" }, expect: "rest" },
    { name: "2 public API with GraphQL in the repo", uses: ["graphql"], answers: { "api-style.consumers": "public" }, expect: "rest" },
    { name: "3 varied nested data", answers: { "api-style.data-needs": "varied" }, expect: "graphql" },
    { name: "4 internal services", answers: { "api-style.consumers": "internal-services" }, expect: "grpc" },
    // Scenario 4 is about calls between services, so browsers do not call these APIs directly.
    { name: "4 streaming between services", answers: { "api-style.data-needs": "streaming", "api-style.browser-direct": "no" }, expect: "grpc" },
    { name: "4 p99 under 10 ms between services", answers: { "latency.p99": "lt-10ms", "api-style.consumers": "internal-services" }, expect: "grpc" },
    { name: "5 TypeScript monorepo with Next.js", uses: ["lang:typescript", "nextjs"], expect: "trpc" },
    { name: "5 never tRPC outside TypeScript", uses: ["lang:python"], answers: { "api-style.consumers": "same-repo-ts" }, expect: ["rest", "graphql", "grpc"] },
    { name: "6 GraphQL in the repo", uses: ["graphql"], expect: "graphql", because: ["docker-compose.yml:1"] },
    { name: "6 gRPC in the repo, no browser clients", uses: ["grpc"], answers: { "api-style.browser-direct": "no" }, expect: "grpc", because: ["docker-compose.yml:1"] },
  ],
  "api-versioning": [
    { name: "1 nothing known", expect: "uri-path" },
    { name: "2 internal clients only", answers: { "api-versioning.consumers": "internal" }, expect: "evolve-without-versions" },
    { name: "3 GraphQL in the repo", uses: ["graphql"], expect: "evolve-without-versions", because: ["docker-compose.yml:1"] },
    { name: "3 GraphQL answered", answers: { "api-versioning.style": "graphql" }, expect: "evolve-without-versions" },
    { name: "4 gRPC", uses: ["grpc"], expect: "uri-path" },
    { name: "5 public API, regular breaking changes", answers: { "api-versioning.consumers": "external", "api-versioning.change-rate": "regular" }, expect: "date-based" },
    { name: "5 the same with 1-3 engineers", answers: { "api-versioning.consumers": "external", "api-versioning.change-rate": "regular", "team.size": "1-3" }, expect: "uri-path" },
    { name: "6 external, rare changes", answers: { "api-versioning.consumers": "external", "api-versioning.change-rate": "rare" }, expect: "uri-path" },
    { name: "7 an ADR chose header versioning", adr: [["Use header versioning for the API", "Accepted"]], expect: "header-media-type" },
  ],
  authentication: [
    { name: "1 nothing known", expect: "server-sessions" },
    { name: "2 express-session in use", uses: ["express-session"], expect: "server-sessions", because: ["docker-compose.yml:1"] },
    { name: "3 tiny team, no ops, MFA required", answers: { "team.size": "1-3", "budget.ops": "none", "authentication.mfa": "required" }, expect: "managed-idp" },
    { name: "3 tiny team, no ops, social login", answers: { "team.size": "1-3", "budget.ops": "none", "authentication.sso": "social" }, expect: "managed-idp" },
    { name: "4 enterprise SSO on own servers", answers: { "authentication.sso": "enterprise", "integration.cloud": "on-prem" }, expect: "self-hosted-idp" },
    { name: "4 Keycloak in compose", uses: ["img:keycloak"], expect: "self-hosted-idp" },
    { name: "5 machine clients", answers: { "authentication.clients": "machine" }, expect: "api-keys" },
    { name: "6 mobile and SPA, several services", answers: { "authentication.clients": "mobile-and-spa", "authentication.services": "several" }, expect: "managed-idp" },
    { name: "7 Auth0 integrated", uses: ["auth0"], expect: "managed-idp" },
    { name: "7 Cognito integrated", uses: ["cognito"], expect: "managed-idp" },
  ],
  "authorization-model": [
    { name: "1 nothing known", expect: "rbac" },
    { name: "2 relationships, 100k+ users", answers: { "authorization-model.rules": "relationships", "scale.users": "100k-1m" }, expect: "rebac" },
    { name: "2 relationships, many services", answers: { "authorization-model.rules": "relationships", "authorization-model.services": "many" }, expect: "rebac" },
    { name: "2 relationships in one app", answers: { "authorization-model.rules": "relationships" }, expect: "resource-acl" },
    { name: "3 relationships, tiny team, no ops", answers: { "authorization-model.rules": "relationships", "team.size": "1-3", "budget.ops": "none" }, expect: "resource-acl" },
    { name: "4 attributes across services", answers: { "authorization-model.rules": "attributes", "authorization-model.services": "many" }, expect: "policy-engine" },
    { name: "4 audited policies under HIPAA", answers: { "authorization-model.audit": "yes", "security.compliance": "hipaa" }, expect: "policy-engine" },
    { name: "5 roles, many services, audit", answers: { "authorization-model.services": "many", "authorization-model.audit": "yes" }, expect: "policy-engine" },
    { name: "5 roles, many services, no audit", answers: { "authorization-model.services": "many", "authorization-model.audit": "no" }, expect: "rbac" },
    { name: "6 familiar-only team", answers: { "team.expertise": "familiar-only" }, expect: "rbac" },
    { name: "7 an ADR chose OpenFGA", adr: [["Use OpenFGA for permissions", "Accepted"]], answers: { "authorization-model.rules": "relationships" }, expect: "rebac" },
    { name: "7 an ADR rejected OpenFGA", adr: [["Use OpenFGA for permissions", "Rejected"]], answers: { "authorization-model.rules": "relationships", "authorization-model.services": "many" }, expect: ["resource-acl", "policy-engine", "rbac"] },
  ],
  "cdn-load-balancing": [
    { name: "1 nothing known", expect: "cloud-l7-lb" },
    { name: "2 JSON API on AWS", uses: ["aws"], expect: "cloud-l7-lb" },
    { name: "3 web front end in the repo", uses: ["react"], expect: "cdn-edge" },
    { name: "3 static-heavy content", answers: { "cdn-load-balancing.content": "static-heavy" }, expect: "cdn-edge" },
    { name: "3 global audience", answers: { "cdn-load-balancing.audience": "global" }, expect: "cdn-edge" },
    { name: "4 multi-region on AWS", uses: ["aws"], answers: { "cdn-load-balancing.regions": "multi" }, expect: "dns-global" },
    { name: "4 multi-region on Azure", uses: ["azure"], answers: { "cdn-load-balancing.regions": "multi" }, expect: "dns-global" },
    { name: "4 multi-region on GCP", uses: ["gcp"], answers: { "cdn-load-balancing.regions": "multi" }, expect: "cloud-l7-lb" },
    { name: "5 own servers", answers: { "integration.cloud": "on-prem" }, expect: "self-managed-proxy" },
    { name: "6 nginx, no big cloud", uses: ["nginx"], expect: "self-managed-proxy" },
    { name: "6 nginx on AWS", uses: ["nginx", "aws"], expect: "cloud-l7-lb" },
    { name: "7 Cloudflare configured", uses: ["cloudflare"], expect: "cdn-edge", because: ["docker-compose.yml:1"] },
    { name: "8 no ops, small team, on a PaaS", uses: ["render"], answers: { "budget.ops": "none", "team.size": "1-3" }, expect: "cloud-l7-lb" },
  ],
  "ci-cd": [
    { name: "1 GitHub workflows, small team", uses: ["github-actions"], answers: { "team.size": "1-3" }, expect: "github-actions", because: ["docker-compose.yml:1"] },
    { name: "2 .gitlab-ci.yml", uses: ["gitlab-ci"], expect: "gitlab-ci" },
    { name: "3 Jenkinsfile, own servers, dedicated ops", uses: ["jenkins"], answers: { "ci-cd.hosting": "self-hosted-required", "budget.ops": "dedicated" }, expect: "jenkins" },
    { name: "4 Kubernetes, many services", uses: ["kubernetes"], answers: { "ci-cd.delivery": "many", "budget.ops": "some" }, expect: "gitops-argocd" },
    { name: "5 Kubernetes, few services, tiny team", uses: ["kubernetes"], answers: { "team.size": "1-3" }, expect: "github-actions" },
    { name: "6 nothing known", expect: "github-actions" },
    { name: "7 another forge, no CI", answers: { "ci-cd.forge": "other" }, expect: "circleci" },
  ],
  "connection-pooling": [
    { name: "1 nothing known", expect: "in-app-pool" },
    { name: "2 many clients, long-running", answers: { "connection-pooling.clients": "many", "budget.ops": "some" }, expect: "external-pooler" },
    { name: "3 Lambda on AWS", uses: ["aws-lambda", "aws"], expect: "managed-proxy", because: ["docker-compose.yml:1"] },
    { name: "4 edge runtime", answers: { "connection-pooling.runtime": "edge" }, expect: "serverless-driver" },
    { name: "5 tiny team, no ops, many instances, GCP", uses: ["gcp"], answers: { "team.size": "1-3", "budget.ops": "none", "connection-pooling.clients": "many" }, expect: "managed-proxy" },
    { name: "5 the same on Azure", uses: ["azure"], answers: { "team.size": "1-3", "budget.ops": "none", "connection-pooling.clients": "many" }, expect: "managed-proxy" },
    { name: "6 PgBouncer in compose", uses: ["img:pgbouncer"], expect: "external-pooler", because: ["docker-compose.yml:"] },
    { name: "7 heavy session state", answers: { "connection-pooling.session-features": "heavy" }, expect: "in-app-pool" },
    { name: "8 a store whose driver pools", answers: { "connection-pooling.engine": "other" }, expect: "in-app-pool" },
  ],
  "container-orchestration": [
    { name: "1 nothing known", expect: "serverless-containers" },
    { name: "2 tiny team, no ops, AWS", uses: ["aws"], answers: { "team.size": "1-3", "budget.ops": "none", "scale.rps": "lt-100" }, expect: "ecs" },
    { name: "2 the same on GCP", uses: ["gcp"], answers: { "team.size": "1-3", "budget.ops": "none", "scale.rps": "lt-100" }, expect: "serverless-containers" },
    { name: "2 the same on Azure", uses: ["azure"], answers: { "team.size": "1-3", "budget.ops": "none", "scale.rps": "lt-100" }, expect: "serverless-containers" },
    { name: "3 Kubernetes manifests", uses: ["kubernetes"], answers: { "budget.ops": "some" }, expect: "kubernetes", because: ["docker-compose.yml:1"] },
    { name: "3 Helm charts", uses: ["helm"], expect: "kubernetes" },
    { name: "3 ECS task definitions", uses: ["aws-ecs"], expect: "ecs" },
    { name: "3 Cloud Run services", uses: ["cloud-run"], expect: "serverless-containers" },
    { name: "4 many services, platform team, AWS", uses: ["aws"], answers: { "container-orchestration.services": "gt-15", "budget.ops": "dedicated", "scale.rps": "10k-100k" }, expect: "kubernetes" },
    { name: "5 PCI DSS on AWS", uses: ["aws"], answers: { "security.compliance": "pci-dss", "budget.ops": "some", "team.size": "4-10" }, expect: "ecs" },
    { name: "6 own servers, mixed runtimes", answers: { "integration.cloud": "on-prem", "budget.ops": "dedicated", "container-orchestration.workload": "mixed-runtimes" }, expect: "nomad" },
    { name: "6 own servers, containers only", answers: { "integration.cloud": "on-prem", "budget.ops": "dedicated" }, expect: "kubernetes" },
    { name: "7 single VM, tiny team", answers: { "integration.cloud": "on-prem", "team.size": "1-3", "budget.ops": "some", "container-orchestration.uptime": "best-effort", "scale.rps": "lt-100" }, expect: "compose-on-vm" },
  ],
  "data-partitioning": [
    { name: "1 nothing known", expect: "read-replicas" },
    { name: "2 tiny team, no ops, AWS", uses: ["aws"], answers: { "team.size": "1-3", "budget.ops": "none" }, expect: "read-replicas" },
    { name: "3 write-bound at high scale", answers: { "data-partitioning.bottleneck": "writes", "scale.rps": "10k-100k", "scale.data": "1tb-10tb", "data-partitioning.shard-key": "yes", "budget.ops": "dedicated" }, expect: "distributed-database" },
    { name: "4 one huge table, PostgreSQL in compose", uses: ["postgresql"], answers: { "data-partitioning.bottleneck": "large-table" }, expect: "table-partitioning", because: ["docker-compose.yml:1"] },
    { name: "5 contention between modules", answers: { "data-partitioning.bottleneck": "contention" }, expect: "vertical-partitioning" },
    { name: "6 MongoDB, write-bound", uses: ["mongodb"], answers: { "data-partitioning.bottleneck": "writes" }, expect: "distributed-database" },
    { name: "6 Cassandra, write-bound", uses: ["cassandra"], answers: { "data-partitioning.bottleneck": "writes" }, expect: "distributed-database" },
    { name: "7 write-bound, no shard key", answers: { "data-partitioning.bottleneck": "writes", "data-partitioning.shard-key": "no" }, expect: ["table-partitioning", "vertical-partitioning"] },
    // Write-bound at the scale of scenario 3.
    { name: "8 shard key, residency, distributed DB rejected", adr: [["Adopt a distributed database (CockroachDB)", "Rejected"]], answers: { "scale.rps": "10k-100k", "scale.data": "1tb-10tb", "data-partitioning.bottleneck": "writes", "data-partitioning.shard-key": "yes", "data-partitioning.residency": "per-region", "budget.ops": "dedicated" }, expect: "app-sharding" },
  ],
  "database-migrations": [
    { name: "1 Prisma in the repo", uses: ["prisma"], expect: "orm-migrations", because: ["docker-compose.yml:1"] },
    { name: "2 nothing known", expect: ["versioned-sql", "orm-migrations"] },
    { name: "3 Flyway in the repo", uses: ["flyway"], expect: "versioned-sql" },
    { name: "3 Spring Boot", uses: ["lang:java", "spring-boot"], expect: "versioned-sql" },
    { name: "4 shared database, DBA review, SOC 2", answers: { "database-migrations.ownership": "shared-db", "database-migrations.sql-review": "yes", "security.compliance": "soc2" }, expect: "versioned-sql" },
    { name: "5 large busy tables, no downtime", uses: ["postgresql"], answers: { "database-migrations.downtime": "large-tables", "budget.ops": "some" }, expect: "online-expand-contract" },
    { name: "6 Go with ent, open team", uses: ["lang:go", "ent"], answers: { "team.expertise": "any" }, expect: "declarative-schema" },
    { name: "7 tiny team, no ops, Prisma", uses: ["prisma"], answers: { "team.size": "1-3", "budget.ops": "none" }, expect: "orm-migrations" },
    { name: "8 maintenance windows, Prisma", uses: ["prisma"], answers: { "database-migrations.downtime": "window" }, expect: "orm-migrations" },
    { name: "8 maintenance windows, nothing else", answers: { "database-migrations.downtime": "window" }, expect: ["versioned-sql", "orm-migrations"] },
  ],
  "deployment-platform": [
    { name: "1 tiny team, no ops, Docker image", uses: ["docker"], answers: { "team.size": "1-3", "budget.ops": "none", "scale.rps": "lt-100" }, expect: "paas" },
    { name: "2 the same on AWS", uses: ["docker", "aws"], answers: { "team.size": "1-3", "budget.ops": "none", "scale.rps": "lt-100" }, expect: "managed-containers" },
    { name: "3 Kubernetes manifests", uses: ["kubernetes"], answers: { "budget.ops": "some" }, expect: "kubernetes", because: ["docker-compose.yml:1"] },
    { name: "4 large scale, platform team", answers: { "scale.rps": "10k-100k", "deployment-platform.services": "gt-15", "budget.ops": "dedicated", "team.size": "11-50" }, expect: "kubernetes" },
    { name: "5 Lambda in the repo", uses: ["aws-lambda", "serverless"], expect: "serverless-functions" },
    { name: "6 on-prem, PCI DSS, dedicated ops", answers: { "integration.cloud": "on-prem", "security.compliance": "pci-dss", "budget.ops": "dedicated", "deployment-platform.services": "4-15" }, expect: ["vms", "kubernetes"] },
    { name: "7 nothing known", expect: "managed-containers" },
  ],
  "event-driven-patterns": [
    { name: "1 PostgreSQL and Kafka", uses: ["postgresql", "kafka"], expect: "transactional-outbox" },
    { name: "1 nothing known", expect: "transactional-outbox" },
    { name: "2 process across many services", answers: { "event-driven-patterns.need": "multi-step-workflow", "event-driven-patterns.steps": "gt-3" }, expect: "saga-orchestration" },
    { name: "3 short flow, broker running, eventual", uses: ["rabbitmq"], answers: { "event-driven-patterns.need": "multi-step-workflow", "event-driven-patterns.steps": "2-3", "consistency.model": "eventual" }, expect: "saga-choreography" },
    { name: "4 full audit history", answers: { "event-driven-patterns.need": "audit-history" }, expect: "event-sourcing" },
    { name: "5 read scaling, eventual reads", answers: { "event-driven-patterns.need": "read-scaling", "consistency.model": "eventual" }, expect: "cqrs-read-models" },
    { name: "6 tiny team, no audit need", answers: { "team.size": "1-3" }, expect: "transactional-outbox" },
  ],
  "indexing-query-strategy": [
    { name: "1 nothing known", expect: "targeted-indexes" },
    { name: "2 dashboards on PostgreSQL", uses: ["postgresql"], answers: { "indexing-query-strategy.workload": "aggregates", "indexing-query-strategy.freshness": "minutes" }, expect: "materialized-views", because: ["docker-compose.yml:1"] },
    { name: "3 aggregates over TBs", answers: { "indexing-query-strategy.workload": "aggregates", "scale.data": "1tb-10tb", "budget.ops": "some" }, expect: "olap-offload" },
    { name: "3 ClickHouse in the repo, TB-scale aggregates", uses: ["clickhouse"], answers: { "indexing-query-strategy.workload": "aggregates", "scale.data": "1tb-10tb" }, expect: "olap-offload", because: ["docker-compose.yml:1"] },
    { name: "4 text search", answers: { "indexing-query-strategy.workload": "text-search" }, expect: "search-offload" },
    { name: "4 text search, Elasticsearch running", uses: ["elasticsearch"], answers: { "indexing-query-strategy.workload": "text-search" }, expect: "search-offload" },
    { name: "5 small text search, tiny team", answers: { "indexing-query-strategy.workload": "text-search", "scale.data": "lt-10gb", "team.size": "1-3", "budget.ops": "none" }, expect: "targeted-indexes" },
    { name: "6 CQRS decided, Kafka, p99 under 10 ms", uses: ["kafka"], adr: [["Adopt CQRS for the order service", "Accepted"]], answers: { "latency.p99": "lt-10ms" }, expect: "denormalized-read-model" },
    { name: "7 aggregates that must be current", answers: { "indexing-query-strategy.workload": "aggregates", "indexing-query-strategy.freshness": "realtime" }, expect: "denormalized-read-model" },
    { name: "8 MySQL aggregates", uses: ["mysql"], answers: { "indexing-query-strategy.workload": "aggregates" }, expect: ["denormalized-read-model", "targeted-indexes"] },
  ],
  "object-storage": [
    { name: "1 AWS", uses: ["aws"], expect: "s3" },
    { name: "2 Google Cloud", uses: ["gcp"], expect: "gcs" },
    { name: "3 Azure", uses: ["azure"], expect: "azure-blob" },
    { name: "4 own servers", answers: { "integration.cloud": "on-prem", "budget.ops": "some" }, expect: "minio" },
    { name: "5 heavy public egress, no cloud", answers: { "object-storage.egress": "high" }, expect: "cloudflare-r2" },
    { name: "6 AWS with MinIO in compose", uses: ["aws", "img:minio"], expect: "s3" },
    { name: "7 nothing known", expect: "s3" },
  ],
  observability: [
    { name: "1 tiny team, Sentry, one app", uses: ["sentry"], answers: { "team.size": "1-3", "budget.ops": "none", "budget.monthly": "lt-500" }, expect: "logs-first" },
    { name: "2 Prometheus and Grafana running", uses: ["prometheus", "grafana"], answers: { "budget.ops": "some" }, expect: "otel-oss", because: ["docker-compose.yml:1"] },
    { name: "3 no ops, budget, many services", answers: { "budget.ops": "none", "budget.monthly": "500-5k", "observability.services": "many" }, expect: "managed-apm" },
    { name: "4 AWS, no ops, small budget", uses: ["aws"], answers: { "budget.ops": "none", "budget.monthly": "lt-500" }, expect: "cloud-native" },
    { name: "5 huge log volume, platform team", answers: { "observability.log-volume": "gt-100gb", "budget.ops": "dedicated", "observability.services": "many", "budget.monthly": "gt-5k" }, expect: "otel-oss" },
    { name: "6 Datadog in the repo", uses: ["datadog"], expect: "managed-apm" },
    { name: "7 nothing known", expect: "logs-first" },
  ],
  "primary-database": [
    { name: "1 nothing known", expect: "postgresql" },
    { name: "2 MySQL in compose", uses: ["mysql"], expect: "mysql", because: ["docker-compose.yml:1"] },
    { name: "3 MongoDB with Mongoose", uses: ["mongodb", "mongoose"], expect: "mongodb" },
    { name: "3 document data, no evidence", answers: { "primary-database.data-shape": "document" }, expect: "postgresql" },
    { name: "3 document data at 10 TB+, expert team", answers: { "primary-database.data-shape": "document", "team.expertise": "any", "scale.data": "gt-10tb" }, expect: "mongodb" },
    { name: "4 Lambda on AWS, key-value patterns", uses: ["aws-lambda", "aws"], answers: { "primary-database.data-shape": "key-value", "primary-database.query-needs": "known-patterns" }, expect: "dynamodb" },
    { name: "5 multi-region writes, strong consistency", answers: { "primary-database.multi-region": "multi-region-writes", "consistency.model": "strong" }, expect: "cockroachdb" },
    { name: "6 tiny team, no ops", answers: { "team.size": "1-3", "budget.ops": "none" }, expect: "postgresql" },
    { name: "7 PCI DSS", answers: { "security.compliance": "pci-dss" }, expect: "postgresql" },
    { name: "7 HIPAA", answers: { "security.compliance": "hipaa" }, expect: "postgresql" },
  ],
  "rate-limiting": [
    { name: "1 Express, Redis in compose, fairness", uses: ["express", "redis"], answers: { "rate-limiting.purpose": "fairness" }, expect: "redis-app", because: ["docker-compose.yml:2"] },
    { name: "2 nginx in front, abuse by IP", uses: ["nginx"], answers: { "rate-limiting.purpose": "abuse" }, expect: "edge-gateway" },
    { name: "3 Lambda on AWS, per-customer quotas, no ops", uses: ["aws-lambda", "aws"], answers: { "rate-limiting.purpose": "fairness", "budget.ops": "none" }, expect: "managed-api-gateway" },
    { name: "4 one instance, tiny team", answers: { "rate-limiting.instances": "one", "team.size": "1-3", "rate-limiting.purpose": "abuse" }, expect: "in-memory" },
    { name: "5 exact quotas at 10k-100k req/s with Redis", uses: ["redis"], answers: { "rate-limiting.accuracy": "exact", "scale.rps": "10k-100k" }, expect: "redis-app" },
    { name: "6 nothing known", expect: "edge-gateway" },
    { name: "7 Redis, no proxy, abuse", uses: ["redis"], answers: { "rate-limiting.purpose": "abuse" }, expect: "redis-app" },
  ],
  "realtime-transport": [
    { name: "1 nothing known", expect: "sse" },
    { name: "2 bidirectional", answers: { "realtime-transport.direction": "bidirectional" }, expect: "websocket" },
    { name: "3 WebSocket already served", uses: ["websocket"], expect: "websocket", because: ["docker-compose.yml:1"] },
    { name: "4 tiny team on Lambda", uses: ["aws-lambda", "aws"], answers: { "team.size": "1-3", "budget.ops": "none" }, expect: "managed-realtime" },
    { name: "4 tiny team on Vercel", uses: ["vercel"], answers: { "team.size": "1-3", "budget.ops": "none" }, expect: "managed-realtime" },
    { name: "5 seconds of lag, few connections, familiar-only", answers: { "realtime-transport.latency": "seconds", "realtime-transport.connections": "lt-1k", "team.expertise": "familiar-only" }, expect: "polling" },
    { name: "6 over 50k connections, no ops", answers: { "realtime-transport.connections": "gt-50k", "budget.ops": "none" }, expect: "managed-realtime" },
    { name: "6 over 50k, platform team, bidirectional", answers: { "realtime-transport.connections": "gt-50k", "budget.ops": "dedicated", "realtime-transport.direction": "bidirectional" }, expect: "websocket" },
    { name: "7 on-prem push", answers: { "integration.cloud": "on-prem" }, expect: "sse" },
    { name: "7 on-prem bidirectional", answers: { "integration.cloud": "on-prem", "realtime-transport.direction": "bidirectional" }, expect: "websocket" },
  ],
  "search-engine": [
    { name: "1 nothing known", expect: "meilisearch-typesense" },
    { name: "2 PostgreSQL present", uses: ["postgresql"], expect: "postgres-fts", because: ["docker-compose.yml:1"] },
    { name: "2 PostgreSQL, immediate freshness", uses: ["postgresql"], answers: { "search-engine.freshness": "immediate" }, expect: "postgres-fts" },
    { name: "3 PostgreSQL but instant search", uses: ["postgresql"], answers: { "search-engine.use-case": "instant" }, expect: "meilisearch-typesense" },
    { name: "4 log search, dedicated ops", answers: { "search-engine.use-case": "logs-analytics", "budget.ops": "dedicated" }, expect: "elasticsearch" },
    { name: "4 over 100M documents at 10k+ req/s", answers: { "search-engine.documents": "gt-100m", "scale.rps": "10k-100k" }, expect: "elasticsearch" },
    { name: "5 tiny team, instant, under 100 req/s", answers: { "team.size": "1-3", "budget.ops": "none", "search-engine.use-case": "instant", "scale.rps": "lt-100" }, expect: "algolia" },
    { name: "5 the same at 100-1k req/s", answers: { "team.size": "1-3", "budget.ops": "none", "search-engine.use-case": "instant", "scale.rps": "100-1k" }, expect: "meilisearch-typesense" },
    { name: "6 Elasticsearch running", uses: ["elasticsearch"], expect: "elasticsearch" },
    { name: "7 HIPAA with PostgreSQL", uses: ["postgresql"], answers: { "security.compliance": "hipaa" }, expect: "postgres-fts" },
    { name: "7 HIPAA on AWS without PostgreSQL", uses: ["aws"], answers: { "security.compliance": "hipaa" }, expect: "elasticsearch" },
  ],
  "secrets-management": [
    { name: "1 small team on Heroku", uses: ["heroku"], answers: { "team.size": "1-3", "security.compliance": "none", "secrets-management.count": "few" }, expect: "platform-env" },
    { name: "2 ECS on AWS", uses: ["aws", "aws-ecs"], answers: { "budget.ops": "some" }, expect: "cloud-secret-manager" },
    { name: "2 Lambda on AWS", uses: ["aws", "aws-lambda"], expect: "cloud-secret-manager" },
    { name: "3 EKS", uses: ["aws", "kubernetes", "aws-eks"], expect: "cloud-secret-manager" },
    { name: "4 Kubernetes on own servers", uses: ["kubernetes"], answers: { "integration.cloud": "on-prem", "budget.ops": "some", "secrets-management.rotation": "manual" }, expect: "encrypted-in-git" },
    { name: "5 PCI DSS, on-prem, dynamic credentials", answers: { "security.compliance": "pci-dss", "integration.cloud": "on-prem", "budget.ops": "dedicated", "secrets-management.rotation": "dynamic" }, expect: "vault" },
    { name: "6 nothing known", expect: "platform-env" },
  ],
  "service-architecture": [
    { name: "1 nothing known", expect: "modular-monolith" },
    { name: "2 tiny team, small domain, no ops", answers: { "team.size": "1-3", "service-architecture.domain-size": "small", "budget.ops": "none" }, expect: "monolith" },
    { name: "3 many teams, platform, Kubernetes", uses: ["kubernetes"], answers: { "team.size": "gt-50", "budget.ops": "dedicated" }, expect: "microservices" },
    { name: "3 11-50, essential independence", uses: ["kubernetes"], answers: { "team.size": "11-50", "service-architecture.deploy-independence": "essential", "budget.ops": "dedicated" }, expect: "microservices" },
    { name: "4 spiky on a cloud, no ops", uses: ["aws"], answers: { "service-architecture.traffic": "spiky", "budget.ops": "none" }, expect: "serverless" },
    { name: "4 Lambda in the repo", uses: ["aws-lambda", "aws"], expect: "serverless" },
    { name: "5 p99 under 10 ms, strong consistency", answers: { "latency.p99": "lt-10ms", "consistency.model": "strong" }, expect: "modular-monolith" },
    { name: "6 11-50 engineers, some independence, strong", answers: { "team.size": "11-50", "service-architecture.deploy-independence": "some", "consistency.model": "strong" }, expect: "modular-monolith" },
    { name: "7 event-driven, no platform fixed", answers: { "service-architecture.traffic": "event-driven" }, expect: "modular-monolith" },
    { name: "7 event-driven on AWS (answered)", answers: { "service-architecture.traffic": "event-driven", "integration.cloud": "aws" }, expect: "serverless" },
  ],
  "service-mesh": [
    { name: "1 nothing known", expect: "no-mesh" },
    { name: "2 tiny team", answers: { "team.size": "1-3", "service-mesh.traffic": "advanced" }, expect: "no-mesh" },
    { name: "2 no ops", answers: { "budget.ops": "none", "service-mesh.traffic": "advanced" }, expect: "no-mesh" },
    { name: "3 mTLS required on Kubernetes", uses: ["kubernetes"], answers: { "service-mesh.mtls": "required", "budget.ops": "some" }, expect: ["linkerd", "sidecarless"] },
    { name: "4 mTLS on GKE", uses: ["kubernetes", "gcp"], answers: { "service-mesh.mtls": "required" }, expect: "cloud-mesh" },
    { name: "4 mTLS on AKS", uses: ["kubernetes", "azure"], answers: { "service-mesh.mtls": "required" }, expect: "cloud-mesh" },
    { name: "4 mTLS on ECS", uses: ["aws", "aws-ecs"], answers: { "service-mesh.mtls": "required" }, expect: "cloud-mesh" },
    { name: "5 advanced traffic, many services, platform team", uses: ["kubernetes"], answers: { "service-mesh.traffic": "advanced", "service-mesh.services": "gt-20", "budget.ops": "dedicated" }, expect: "istio" },
    { name: "6 Istio in the repo", uses: ["istio"], expect: "istio" },
    { name: "7 high request rate, mTLS, dedicated ops", uses: ["kubernetes"], answers: { "scale.rps": "10k-100k", "service-mesh.mtls": "required", "budget.ops": "dedicated" }, expect: "sidecarless" },
  ],
  "api-documentation": [
    { name: "1 nothing known", expect: "openapi-code-first" },
    { name: "2 design-first", answers: { "api-documentation.design-first": "yes" }, expect: "openapi-spec-first" },
    { name: "3 public API", answers: { "api-documentation.audience": "public" }, expect: "openapi-spec-first" },
    { name: "4 GraphQL in the repo", uses: ["graphql"], expect: "graphql-schema-docs" },
    { name: "5 events only", uses: ["kafka"], expect: "asyncapi" },
    { name: "6 NestJS in the repo", uses: ["nestjs"], expect: "openapi-code-first", because: ["docker-compose.yml:1"] },
    { name: "6 Go service", uses: ["lang:go"], expect: "openapi-spec-first" },
    { name: "8 partners", answers: { "api-documentation.audience": "partners" }, expect: ["openapi-spec-first", "openapi-code-first"] },
    { name: "7 tiny team, internal API", answers: { "team.size": "1-3", "api-documentation.audience": "internal" }, expect: "openapi-code-first" },
  ],
  "multi-tenancy": [
    { name: "1 nothing known", expect: "shared-schema-rls" },
    { name: "1 PostgreSQL in the repo", uses: ["postgresql"], expect: "shared-schema-rls" },
    { name: "2 few large tenants, dedicated, HIPAA", answers: { "multi-tenancy.tenants": "lt-100", "multi-tenancy.isolation": "dedicated-for-all", "security.compliance": "hipaa" }, expect: "database-per-tenant" },
    { name: "3 some enterprise tenants need dedicated", answers: { "multi-tenancy.isolation": "dedicated-for-some", "team.size": "4-10" }, expect: "hybrid-tiered" },
    { name: "4 huge scale, platform team", answers: { "multi-tenancy.tenants": "gt-10k", "scale.rps": "10k-100k", "budget.ops": "dedicated", "team.size": "11-50" }, expect: "cell-based" },
    { name: "5 few tenants, Django on PostgreSQL", uses: ["lang:python", "django", "postgresql"], answers: { "multi-tenancy.tenants": "lt-100" }, expect: ["schema-per-tenant", "shared-schema-rls"] },
    { name: "5 few tenants without Django", uses: ["postgresql"], answers: { "multi-tenancy.tenants": "lt-100" }, expect: "shared-schema-rls" },
    { name: "6 tiny team, no ops", answers: { "team.size": "1-3", "budget.ops": "none" }, expect: "shared-schema-rls" },
    { name: "7 over 10k tenants, modest load", answers: { "multi-tenancy.tenants": "gt-10k" }, expect: "shared-schema-rls" },
  ],
  pagination: [
    { name: "1 nothing known", expect: "keyset" },
    { name: "2 admin tables, small collections", answers: { "pagination.navigation": "page-numbers", "pagination.volume": "lt-10k" }, expect: "offset" },
    { name: "2 page numbers at the assumed volume", answers: { "pagination.navigation": "page-numbers" }, expect: "offset" },
    { name: "3 GraphQL in the repo", uses: ["graphql"], expect: "relay-connections", because: ["docker-compose.yml:1"] },
    { name: "4 gRPC", uses: ["grpc"], expect: "page-token" },
    { name: "5 feeds over a million rows", answers: { "pagination.volume": "gt-1m", "pagination.navigation": "next-only" }, expect: "keyset" },
    { name: "6 familiar-only, small, page numbers", answers: { "team.expertise": "familiar-only", "pagination.volume": "lt-10k", "pagination.navigation": "page-numbers" }, expect: "offset" },
    { name: "7 Elasticsearch in the repo", uses: ["elasticsearch"], expect: ["keyset", "page-token"] },
  ],
  "web-security-hardening": [
    { name: "1 nothing known", expect: "framework-baseline" },
    { name: "2 tiny team, no ops", answers: { "team.size": "1-3", "budget.ops": "none" }, expect: "framework-baseline" },
    { name: "2 internal tool", answers: { "web-security-hardening.exposure": "internal" }, expect: "framework-baseline" },
    { name: "3 PCI DSS on AWS", uses: ["aws"], answers: { "security.compliance": "pci-dss" }, expect: "edge-waf" },
    { name: "4 frequent attacks", answers: { "web-security-hardening.attacks": "yes" }, expect: "edge-waf" },
    { name: "4 Cloudflare configured", uses: ["cloudflare"], expect: "edge-waf", because: ["docker-compose.yml:1"] },
    { name: "5 third-party API consumers", uses: ["openapi"], answers: { "web-security-hardening.consumers": "third-party" }, expect: "api-gateway" },
    { name: "6 untrusted network, HIPAA, dedicated ops", answers: { "web-security-hardening.network": "untrusted", "security.compliance": "hipaa", "budget.ops": "dedicated" }, expect: "zero-trust" },
    { name: "7 Django in the repo", uses: ["lang:python", "django"], expect: "framework-baseline" },
  ],
};

for (const [topicId, scenarios] of Object.entries(SCENARIOS)) {
  const topic = topics.find((t) => t.id === topicId);
  (topic ? describe : describe.skip)(`scenarios: ${topicId}`, () => {
    for (const scenario of scenarios) {
      (scenario.knownGap ? it.failing : it)(scenario.name, async () => {
        const { decision } = await decideWith(topic!.match.phrases[0]!, contextFor(scenario.uses, scenario.adr), scenario.answers ?? {});
        expect(decision.topic).toBe(topicId);
        const accepted = Array.isArray(scenario.expect) ? scenario.expect : [scenario.expect];
        expect(accepted).toContain(decision.chosen.optionId);
        for (const text of scenario.because ?? []) expect(decision.chosen.because).toContain(text);
      });
    }
  });
}

it("every topic of the knowledge base has scenario tests", () => {
  expect(topics.map((t) => t.id).filter((id) => !(id in SCENARIOS))).toEqual([]);
});
