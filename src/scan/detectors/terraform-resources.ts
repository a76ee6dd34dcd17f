import { tech, type DependencyRules, type TechRef } from "./dependency-rules.js";

/**
 * Terraform provider name (the local name, or the last segment of a registry source such as `DataDog/datadog`) → the
 * platform it deploys to or the service it configures.
 */
export const TERRAFORM_PROVIDERS: DependencyRules = {
  aws: [tech("infra", "aws")],
  google: [tech("infra", "gcp")],
  "google-beta": [tech("infra", "gcp")],
  azurerm: [tech("infra", "azure")],
  kubernetes: [tech("infra", "kubernetes")],
  helm: [tech("infra", "helm")],
  cloudflare: [tech("infra", "cloudflare")],
  digitalocean: [tech("infra", "digitalocean")],
  heroku: [tech("infra", "heroku")],
  vercel: [tech("infra", "vercel")],
  // HashiCorp's scheduler stack: hashicorp/consul, hashicorp/nomad
  consul: [tech("infra", "consul")],
  nomad: [tech("infra", "nomad")],
  // Services a provider configures: DataDog/datadog, grafana/grafana, mongodb/mongodbatlas, confluentinc/confluent, auth0/auth0
  datadog: [tech("infra", "datadog")],
  grafana: [tech("infra", "grafana")],
  mongodbatlas: [tech("datastores", "mongodb")],
  confluent: [tech("messaging", "kafka")],
  auth0: [tech("auth", "auth0")],
  sentry: [tech("infra", "sentry")],
  // Providers that configure a running server or engine: cyrilgdn/postgresql, cyrilgdn/rabbitmq, Mongey/kafka, kreuzwerker/docker
  postgresql: [tech("datastores", "postgresql")],
  rabbitmq: [tech("messaging", "rabbitmq")],
  kafka: [tech("messaging", "kafka")],
  docker: [tech("infra", "docker")],
};

/** What a provider name proves; own keys only, so `provider "constructor"` is not mistaken for an Object method. */
export function terraformProviderRefs(name: string): TechRef[] {
  return Object.hasOwn(TERRAFORM_PROVIDERS, name) ? (TERRAFORM_PROVIDERS[name] ?? []) : [];
}

/** Resource-type prefix → platform: provisioning any such resource is deployment evidence, cited once a file. */
const PLATFORM_BY_PREFIX: ReadonlyMap<string, string> = new Map([
  ["aws", "aws"], ["google", "gcp"], ["azurerm", "azure"], ["digitalocean", "digitalocean"], ["heroku", "heroku"],
]);

/** Resource type → what it provisions. Engine-dependent types (RDS, Cloud SQL, ElastiCache, MQ) are refined by `engineRefs`. */
export const TERRAFORM_RESOURCES: DependencyRules = {
  aws_sqs_queue: [tech("messaging", "sqs")],
  aws_sns_topic: [tech("messaging", "sns")],
  aws_msk_cluster: [tech("messaging", "kafka")],
  aws_msk_serverless_cluster: [tech("messaging", "kafka")],
  aws_kinesis_stream: [tech("messaging", "kinesis")],
  aws_cloudwatch_event_bus: [tech("messaging", "eventbridge")],
  aws_db_instance: [tech("infra", "aws-rds")],
  aws_rds_cluster: [tech("infra", "aws-rds")],
  aws_dynamodb_table: [tech("datastores", "dynamodb")],
  aws_s3_bucket: [tech("datastores", "s3")],
  aws_opensearch_domain: [tech("datastores", "opensearch")],
  aws_elasticsearch_domain: [tech("datastores", "elasticsearch")],
  aws_ecs_cluster: [tech("infra", "aws-ecs")],
  aws_ecs_service: [tech("infra", "aws-ecs")],
  aws_ecs_task_definition: [tech("infra", "aws-ecs")],
  aws_eks_cluster: [tech("infra", "kubernetes"), tech("infra", "aws-eks")],
  aws_lambda_function: [tech("infra", "aws-lambda")],
  aws_cognito_user_pool: [tech("auth", "cognito")],
  google_pubsub_topic: [tech("messaging", "google-pubsub")],
  google_pubsub_subscription: [tech("messaging", "google-pubsub")],
  google_container_cluster: [tech("infra", "kubernetes"), tech("infra", "gke")],
  google_cloud_run_service: [tech("infra", "cloud-run")],
  google_cloud_run_v2_service: [tech("infra", "cloud-run")],
  google_storage_bucket: [tech("datastores", "gcs")],
  google_redis_instance: [tech("caches", "redis")],
  google_bigquery_dataset: [tech("datastores", "bigquery")],
  google_firestore_database: [tech("datastores", "firestore")],
  azurerm_kubernetes_cluster: [tech("infra", "kubernetes"), tech("infra", "aks")],
  azurerm_postgresql_server: [tech("datastores", "postgresql")],
  azurerm_postgresql_flexible_server: [tech("datastores", "postgresql")],
  azurerm_mysql_server: [tech("datastores", "mysql")],
  azurerm_mysql_flexible_server: [tech("datastores", "mysql")],
  azurerm_mssql_server: [tech("datastores", "mssql")],
  azurerm_cosmosdb_account: [tech("datastores", "cosmosdb")],
  azurerm_redis_cache: [tech("caches", "redis")],
  azurerm_servicebus_namespace: [tech("messaging", "azure-service-bus")],
  azurerm_storage_account: [tech("datastores", "azure-blob-storage")],
  helm_release: [tech("infra", "helm")],
};

/** Community registry modules (`terraform-aws-modules/<name>/aws`, `terraform-google-modules/<name>/google`) → what they create. */
export const TERRAFORM_MODULES: DependencyRules = {
  "terraform-aws-modules/eks": [tech("infra", "kubernetes"), tech("infra", "aws-eks")],
  "terraform-aws-modules/ecs": [tech("infra", "aws-ecs")],
  "terraform-aws-modules/lambda": [tech("infra", "aws-lambda")],
  "terraform-aws-modules/rds": [tech("infra", "aws-rds")],
  "terraform-aws-modules/rds-aurora": [tech("infra", "aws-rds")],
  "terraform-aws-modules/s3-bucket": [tech("datastores", "s3")],
  "terraform-aws-modules/sqs": [tech("messaging", "sqs")],
  "terraform-aws-modules/sns": [tech("messaging", "sns")],
  "terraform-aws-modules/dynamodb-table": [tech("datastores", "dynamodb")],
  "terraform-aws-modules/elasticache": [tech("caches", "redis")],
  "terraform-aws-modules/msk-kafka-cluster": [tech("messaging", "kafka")],
  "terraform-google-modules/kubernetes-engine": [tech("infra", "kubernetes"), tech("infra", "gke")],
  "terraform-google-modules/pubsub": [tech("messaging", "google-pubsub")],
  "terraform-google-modules/sql-db": [],
};

/** What a module `source` provisions: its registry rule plus the platform its provider suffix names. */
export function terraformModuleRefs(source: string): TechRef[] {
  const match = /^(?:registry\.terraform\.io\/)?([\w-]+\/[\w-]+)\/([\w-]+)/.exec(source);
  if (!match?.[1] || !match[2]) return [];
  const platform = terraformProviderRefs(match[2]);
  const rules = TERRAFORM_MODULES[match[1]];
  return rules ? [...rules, ...platform] : [];
}

/**
 * Rules for a resource type, falling back to its provider: a type is named `<provider>_<thing>`, so `consul_service`,
 * `nomad_job`, `kubernetes_deployment`, `datadog_monitor` prove what their provider proves. Cloud platforms are left
 * to terraformPlatformOf, which cites them once a file instead of once a resource.
 */
export function terraformResourceRefs(type: string): TechRef[] {
  if (Object.hasOwn(TERRAFORM_RESOURCES, type)) return TERRAFORM_RESOURCES[type] ?? [];
  // ElastiCache and Amazon MQ depend on their engine attribute: see engineRefs and ENGINE_DEFAULTS.
  const prefix = type.slice(0, type.indexOf("_"));
  return PLATFORM_BY_PREFIX.has(prefix) ? [] : terraformProviderRefs(prefix);
}

/** The platform a resource type's prefix names: provisioning any resource is deployment evidence for it. */
export function terraformPlatformOf(type: string): string | undefined {
  return PLATFORM_BY_PREFIX.get(type.slice(0, type.indexOf("_")));
}

/** Engine-dependent resources whose engine defaults to something when the attribute is absent. */
export const ENGINE_DEFAULTS: Record<string, TechRef> = {
  aws_elasticache_replication_group: tech("caches", "redis"),
  aws_elasticache_cluster: tech("caches", "redis"),
  aws_elasticache_serverless_cache: tech("caches", "redis"),
};

/**
 * What an engine attribute inside a resource says: RDS `engine = "aurora-postgresql"` (+ `engine_version`),
 * Cloud SQL `database_version = "POSTGRES_15"`, ElastiCache `engine = "memcached"`, Amazon MQ `engine_type`.
 * Returns the item and its version, or undefined when the attribute means nothing here.
 */
export function engineRefs(type: string, attribute: string, value: string): { ref: TechRef; version?: string } | undefined {
  const lower = value.toLowerCase();
  if ((type === "aws_db_instance" || type === "aws_rds_cluster") && attribute === "engine") {
    if (lower.includes("postgres")) return { ref: tech("datastores", "postgresql") };
    if (lower.includes("mariadb")) return { ref: tech("datastores", "mariadb") };
    if (lower.includes("mysql")) return { ref: tech("datastores", "mysql") };
    if (lower.startsWith("sqlserver")) return { ref: tech("datastores", "mssql") };
    if (lower.startsWith("oracle")) return { ref: tech("datastores", "oracle") };
  }
  if (type === "google_sql_database_instance" && attribute === "database_version") {
    const match = /^(POSTGRES|MYSQL|SQLSERVER)_(\d+(?:_\d+)?)/i.exec(value);
    const names: Record<string, string> = { postgres: "postgresql", mysql: "mysql", sqlserver: "mssql" };
    const name = match?.[1] ? names[match[1].toLowerCase()] : undefined;
    if (name) return { ref: tech("datastores", name, true), version: match?.[2]?.replace("_", ".") };
  }
  if (type.startsWith("aws_elasticache_") && attribute === "engine") {
    if (lower === "memcached") return { ref: tech("caches", "memcached") };
    if (lower === "valkey") return { ref: tech("caches", "valkey") };
    if (lower === "redis") return { ref: tech("caches", "redis") };
  }
  if (type === "aws_mq_broker" && attribute === "engine_type") {
    if (lower === "rabbitmq") return { ref: tech("messaging", "rabbitmq") };
    if (lower === "activemq") return { ref: tech("messaging", "activemq") };
  }
  return undefined;
}
