// How suggest writes a vocabulary name in a title: "rabbitmq" → "RabbitMQ".
const SPELLED: Readonly<Record<string, string>> = {
  postgresql: "PostgreSQL", mysql: "MySQL", mariadb: "MariaDB", sqlite: "SQLite", mssql: "SQL Server", mongodb: "MongoDB",
  dynamodb: "DynamoDB", cockroachdb: "CockroachDB", scylladb: "ScyllaDB", couchdb: "CouchDB", clickhouse: "ClickHouse",
  influxdb: "InfluxDB", timescaledb: "TimescaleDB", opensearch: "OpenSearch", elasticsearch: "Elasticsearch", bigquery: "BigQuery",
  s3: "Amazon S3", minio: "MinIO", gcs: "Google Cloud Storage", cosmosdb: "Cosmos DB", neo4j: "Neo4j",
  redis: "Redis", memcached: "Memcached", keydb: "KeyDB",
  kafka: "Kafka", rabbitmq: "RabbitMQ", nats: "NATS", sqs: "Amazon SQS", sns: "Amazon SNS", kinesis: "Kinesis", "google-pubsub": "Google Pub/Sub",
  bullmq: "BullMQ", mqtt: "MQTT", zeromq: "ZeroMQ", activemq: "ActiveMQ", zookeeper: "ZooKeeper", rq: "RQ",
  nestjs: "NestJS", nextjs: "Next.js", fastapi: "FastAPI", "spring-boot": "Spring Boot", "spring-webflux": "Spring WebFlux",
  typeorm: "TypeORM", sqlalchemy: "SQLAlchemy", "aspnet-core": "ASP.NET Core", "actix-web": "Actix Web", "django-rest-framework": "Django REST framework",
  rest: "REST", openapi: "OpenAPI", graphql: "GraphQL", grpc: "gRPC", trpc: "tRPC", websocket: "WebSocket", soap: "SOAP", "json-rpc": "JSON-RPC",
  jwt: "JWT", oauth2: "OAuth 2", oidc: "OpenID Connect", "next-auth": "NextAuth", "spring-security": "Spring Security", saml: "SAML",
  "docker-compose": "Docker Compose", aws: "AWS", "aws-ecs": "Amazon ECS", "aws-lambda": "AWS Lambda", "aws-eks": "Amazon EKS", "aws-rds": "Amazon RDS",
  gcp: "Google Cloud", gke: "GKE", aks: "AKS", opentelemetry: "OpenTelemetry", "fly-io": "Fly.io",
  "github-actions": "GitHub Actions", "gitlab-ci": "GitLab CI", "travis-ci": "Travis CI", circleci: "CircleCI", "azure-pipelines": "Azure Pipelines",
  "bitbucket-pipelines": "Bitbucket Pipelines", appveyor: "AppVeyor", teamcity: "TeamCity", "google-cloud-build": "Google Cloud Build", "aws-codebuild": "AWS CodeBuild",
  pgbouncer: "PgBouncer", pgcat: "PgCat", proxysql: "ProxySQL", citus: "Citus", vitess: "Vitess", yugabytedb: "YugabyteDB", tidb: "TiDB",
  meilisearch: "Meilisearch", typesense: "Typesense", solr: "Solr", algolia: "Algolia",
  openfga: "OpenFGA", spicedb: "SpiceDB", opa: "Open Policy Agent", casbin: "Casbin", cerbos: "Cerbos",
};

/** The name people write for a canonical technology name. */
export function technologyTitle(name: string): string {
  return SPELLED[name] ?? name.split("-").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ");
}

/** The words a category takes in a title ("a message broker"). */
export const CATEGORY_WORDS: Readonly<Record<string, string>> = {
  frameworks: "framework", datastores: "datastore", caches: "cache", messaging: "messaging", apiStyles: "API style",
  auth: "authentication", infra: "infrastructure", ci: "CI", services: "service", packages: "workspace package",
};
