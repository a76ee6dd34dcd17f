import type { Evidence, Finding } from "../types.js";
import { cleanVersion, itemFindings, tech, type DependencyRules } from "./dependency-rules.js";

/** PyPI distribution name (PEP 503 normalised) → what it proves about the repository. */
export const PYTHON_RULES: DependencyRules = {
  fastapi: [tech("frameworks", "fastapi", true)],
  django: [tech("frameworks", "django", true)],
  djangorestframework: [tech("frameworks", "django-rest-framework", true)],
  flask: [tech("frameworks", "flask", true)],
  starlette: [tech("frameworks", "starlette", true)],
  sanic: [tech("frameworks", "sanic", true)],
  celery: [tech("messaging", "celery", true)],
  dramatiq: [tech("messaging", "dramatiq", true)],
  rq: [tech("messaging", "rq", true)],
  sqlalchemy: [tech("frameworks", "sqlalchemy", true)],
  alembic: [tech("frameworks", "alembic", true)],
  "flask-sqlalchemy": [tech("frameworks", "sqlalchemy")],
  sqlmodel: [tech("frameworks", "sqlmodel", true)],
  "tortoise-orm": [tech("frameworks", "tortoise-orm", true)],
  psycopg: [tech("datastores", "postgresql")],
  "psycopg-binary": [tech("datastores", "postgresql")],
  psycopg2: [tech("datastores", "postgresql")],
  "psycopg2-binary": [tech("datastores", "postgresql")],
  asyncpg: [tech("datastores", "postgresql")],
  pymysql: [tech("datastores", "mysql")],
  mysqlclient: [tech("datastores", "mysql")],
  aiomysql: [tech("datastores", "mysql")],
  "mysql-connector-python": [tech("datastores", "mysql")],
  pymongo: [tech("datastores", "mongodb")],
  motor: [tech("datastores", "mongodb")],
  mongoengine: [tech("datastores", "mongodb")],
  beanie: [tech("datastores", "mongodb")],
  "cassandra-driver": [tech("datastores", "cassandra")],
  elasticsearch: [tech("datastores", "elasticsearch")],
  "elasticsearch-dsl": [tech("datastores", "elasticsearch")],
  "opensearch-py": [tech("datastores", "opensearch")],
  "clickhouse-driver": [tech("datastores", "clickhouse")],
  "clickhouse-connect": [tech("datastores", "clickhouse")],
  minio: [tech("datastores", "minio")],
  meilisearch: [tech("datastores", "meilisearch")],
  "meilisearch-python-sdk": [tech("datastores", "meilisearch")],
  typesense: [tech("datastores", "typesense")],
  algoliasearch: [tech("datastores", "algolia")],
  pysolr: [tech("datastores", "solr")],
  "mypy-boto3-s3": [tech("datastores", "s3")],
  "types-aiobotocore-s3": [tech("datastores", "s3")],
  "mypy-boto3-sqs": [tech("messaging", "sqs")],
  "types-aiobotocore-sqs": [tech("messaging", "sqs")],
  redis: [tech("caches", "redis")],
  aioredis: [tech("caches", "redis")],
  "django-redis": [tech("caches", "redis")],
  "kafka-python": [tech("messaging", "kafka")],
  "confluent-kafka": [tech("messaging", "kafka")],
  aiokafka: [tech("messaging", "kafka")],
  pika: [tech("messaging", "rabbitmq")],
  "aio-pika": [tech("messaging", "rabbitmq")],
  kombu: [tech("messaging", "rabbitmq")],
  "nats-py": [tech("messaging", "nats")],
  pyjwt: [tech("auth", "jwt")],
  "python-jose": [tech("auth", "jwt")],
  "djangorestframework-simplejwt": [tech("auth", "jwt")],
  "flask-jwt-extended": [tech("auth", "jwt")],
  authlib: [tech("auth", "oauth2")],
  oauthlib: [tech("auth", "oauth2")],
  "requests-oauthlib": [tech("auth", "oauth2")],
  "django-oauth-toolkit": [tech("auth", "oauth2")],
  "openfga-sdk": [tech("auth", "openfga")],
  authzed: [tech("auth", "spicedb")],
  casbin: [tech("auth", "casbin")],
  cerbos: [tech("auth", "cerbos")],
  graphene: [tech("apiStyles", "graphql")],
  "graphene-django": [tech("apiStyles", "graphql")],
  "strawberry-graphql": [tech("apiStyles", "graphql")],
  ariadne: [tech("apiStyles", "graphql")],
  grpcio: [tech("apiStyles", "grpc")],
  "grpcio-tools": [tech("apiStyles", "grpc")],
  channels: [tech("apiStyles", "websocket")],
  "python-socketio": [tech("apiStyles", "websocket")],
  uvicorn: [tech("frameworks", "uvicorn", true)],
  gunicorn: [tech("frameworks", "gunicorn", true)],
};

/** Extras that name a broker or service (celery[redis], boto3-stubs[s3,sqs]) → what they prove. */
const EXTRA_RULES: Record<string, DependencyRules> = {
  celery: { redis: [tech("caches", "redis")], sqs: [tech("messaging", "sqs")], librabbitmq: [tech("messaging", "rabbitmq")] },
  "boto3-stubs": { s3: [tech("datastores", "s3")], sqs: [tech("messaging", "sqs")] },
};

/** PEP 503 normalisation: lower-case, runs of `-_.` become one hyphen. */
export function normalizePythonName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, "-");
}

/** A requirement split into its parts; `null` for lines that are not a requirement. */
export interface PythonRequirement {
  name: string;
  extras: string[];
  spec: string;
}

/** Parses one PEP 508 requirement string (`celery[redis]>=5.3 ; python_version>'3.8'`). */
export function parseRequirement(raw: string): PythonRequirement | null {
  // Drop environment markers, trailing comments and pip's line-continuation backslash.
  const text = raw.split(";")[0]?.split(" #")[0]?.replace(/\\\s*$/, "").trim() ?? "";
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(text);
  if (!match || !match[1]) return null;
  const extras = (match[2] ?? "").split(",").map((extra) => normalizePythonName(extra)).filter(Boolean);
  return { name: normalizePythonName(match[1]), extras, spec: (match[3] ?? "").trim() };
}

/** Findings for one Python dependency: its own rule plus any extras that name services. */
export function pythonDependencyFindings(req: PythonRequirement, evidenceAt: Omit<Evidence, "detail">): Finding[] {
  const version = /^\s*(==|~=|>=|\^|~)?\s*v?\d/.test(req.spec) ? cleanVersion(req.spec) : undefined;
  const safeSpec = /:\/\/|@/.test(req.spec) ? "" : req.spec.replace(/\s+/g, "");
  const evidence: Evidence = { ...evidenceAt, detail: `${req.name}${safeSpec ? ` ${safeSpec}` : ""}` };
  const found = itemFindings(PYTHON_RULES[req.name] ?? [], evidence, version);
  const extraRules = EXTRA_RULES[req.name];
  if (extraRules) for (const extra of req.extras) found.push(...itemFindings(extraRules[extra] ?? [], evidence));
  return found;
}
