import { describe, expect, it } from "@jest/globals";
import { cargoTomlDetector } from "../../../src/scan/detectors/cargo-toml.js";
import { composeDetector } from "../../../src/scan/detectors/compose.js";
import { composerJsonDetector } from "../../../src/scan/detectors/composer-json.js";
import { dockerfileDetector } from "../../../src/scan/detectors/dockerfile.js";
import { envExampleDetector } from "../../../src/scan/detectors/env-example.js";
import { goModDetector } from "../../../src/scan/detectors/go-mod.js";
import { gradleBuildDetector } from "../../../src/scan/detectors/gradle-build.js";
import { helmChartDetector } from "../../../src/scan/detectors/helm-chart.js";
import { kubernetesManifestDetector } from "../../../src/scan/detectors/kubernetes-manifests.js";
import { mavenPomDetector } from "../../../src/scan/detectors/maven-pom.js";
import { packageJsonDetector } from "../../../src/scan/detectors/package-json.js";
import { pythonRequirementsDetector } from "../../../src/scan/detectors/python-requirements.js";
import { gemfileDetector } from "../../../src/scan/detectors/ruby-gems.js";
import { evidenceOf, itemKeys, runDetector } from "./run-detector.js";

// Connection poolers, distributed SQL, search engines and authorization services: each by the signals a real
// repository carries (images, client libraries, chart dependencies, .env.example keys), each with its evidence line.

describe("container images", () => {
  const compose = `services:
  pool:
    image: edoburu/pgbouncer:v1.23.1-p3
  pool2:
    image: bitnami/pgbouncer:1.22.1
  mysqlpool:
    image: proxysql/proxysql:2.6.3
  pgcat:
    image: ghcr.io/postgresml/pgcat:4a7a6a8e7a1e0b8c
  citus:
    image: citusdata/citus:13.0.3
  vtgate:
    image: vitess/lite:v19.0.4
  search:
    image: getmeili/meilisearch:v1.13
  typesense:
    image: typesense/typesense:27.1
  fga:
    image: openfga/openfga:v1.8.3
  spicedb:
    image: authzed/spicedb:v1.35.0
  yb:
    image: yugabytedb/yugabyte:2.20.3.1-b2
`;

  it("names poolers, distributed SQL, search engines and authorization services from compose images", async () => {
    const findings = await runDetector(composeDetector, "docker-compose.yml", compose);
    expect(itemKeys(findings)).toEqual([
      "auth:openfga@1.8.3",
      "auth:spicedb@1.35.0",
      // an image that runs two things gives its tag to the one it is named after (citus, not postgresql)
      "datastores:citus@13.0.3",
      "datastores:meilisearch@1.13",
      "datastores:mysql",
      "datastores:postgresql",
      "datastores:typesense@27.1",
      "datastores:vitess@19.0.4",
      "datastores:yugabytedb@2.20.3.1",
      "infra:docker",
      "infra:docker-compose",
      "infra:pgbouncer@1.22.1",
      "infra:pgbouncer@1.23.1",
      "infra:pgcat",
      "infra:proxysql@2.6.3",
    ]);
    expect(evidenceOf(findings, "pgbouncer")).toEqual([
      { file: "docker-compose.yml", line: 3, detail: "service pool: image edoburu/pgbouncer:v1.23.1-p3" },
      { file: "docker-compose.yml", line: 5, detail: "service pool2: image bitnami/pgbouncer:1.22.1" },
    ]);
    expect(evidenceOf(findings, "meilisearch")).toEqual([{ file: "docker-compose.yml", line: 15, detail: "service search: image getmeili/meilisearch:v1.13" }]);
    expect(evidenceOf(findings, "spicedb")).toEqual([{ file: "docker-compose.yml", line: 21, detail: "service spicedb: image authzed/spicedb:v1.35.0" }]);
  });

  it("versions Citus and Vitess by their tag but not the PostgreSQL or MySQL they run", async () => {
    const manifest = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: citus
spec:
  template:
    spec:
      containers:
        - name: coordinator
          image: citusdata/citus:12.1
        - name: vtgate
          image: vitess/lite:v19.0.4-mysql80
`;
    const findings = await runDetector(kubernetesManifestDetector, "k8s/db.yaml", manifest);
    expect(itemKeys(findings).filter((key) => key.startsWith("datastores:"))).toEqual([
      "datastores:citus@12.1",
      "datastores:mysql",
      "datastores:postgresql",
      "datastores:vitess@19.0.4",
    ]);
    expect(evidenceOf(findings, "postgresql")).toEqual([{ file: "k8s/db.yaml", line: 10, detail: "image citusdata/citus:12.1" }]);
  });

  it("reads a Dockerfile built on a pooler or search image", async () => {
    const findings = await runDetector(dockerfileDetector, "search/Dockerfile", "FROM getmeili/meilisearch:v1.9\nEXPOSE 7700\n");
    expect(itemKeys(findings)).toContain("datastores:meilisearch@1.9");
    expect(evidenceOf(findings, "meilisearch")[0]).toMatchObject({ file: "search/Dockerfile", line: 1 });
  });

  it("names them from Kubernetes workloads and Helm chart dependencies", async () => {
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: authz
spec:
  template:
    spec:
      containers:
        - name: spicedb
          image: authzed/spicedb:v1.35.0
        - name: pooler
          image: ghcr.io/cloudnative-pg/pgbouncer:1.22.1
`;
    const k8s = await runDetector(kubernetesManifestDetector, "k8s/authz.yaml", manifest);
    expect(itemKeys(k8s)).toEqual(["auth:spicedb@1.35.0", "infra:kubernetes", "infra:pgbouncer@1.22.1"]);
    expect(evidenceOf(k8s, "pgbouncer")).toEqual([{ file: "k8s/authz.yaml", line: 12, detail: "image ghcr.io/cloudnative-pg/pgbouncer:1.22.1" }]);

    const chart = "apiVersion: v2\nname: shop\nversion: 1.0.0\ndependencies:\n  - name: meilisearch\n    version: 0.10.1\n  - name: openfga\n    version: 0.2.12\n  - name: istiod\n    version: 1.22.0\n";
    const helm = await runDetector(helmChartDetector, "charts/shop/Chart.yaml", chart);
    expect(itemKeys(helm)).toEqual(["auth:openfga", "datastores:meilisearch", "infra:helm", "infra:istio"]);
    expect(evidenceOf(helm, "openfga")).toEqual([{ file: "charts/shop/Chart.yaml", line: 7, detail: "chart dependency openfga 0.2.12" }]);
  });
});

describe("client libraries", () => {
  it("package.json: meilisearch, typesense, algolia, @openfga/sdk, @authzed/authzed-node, casbin, cerbos", async () => {
    const pkg = JSON.stringify(
      {
        name: "shop",
        dependencies: {
          meilisearch: "^0.41.0",
          typesense: "^1.8.2",
          algoliasearch: "^5.2.0",
          "@openfga/sdk": "^0.6.1",
          "@authzed/authzed-node": "^0.17.0",
          casbin: "^5.30.0",
          "@cerbos/grpc": "^0.18.0",
        },
      },
      null,
      2,
    );
    const findings = await runDetector(packageJsonDetector, "package.json", pkg);
    expect(itemKeys(findings).filter((key) => !key.startsWith("languages:"))).toEqual([
      "auth:casbin",
      "auth:cerbos",
      "auth:openfga",
      "auth:spicedb",
      "datastores:algolia",
      "datastores:meilisearch",
      "datastores:typesense",
    ]);
    expect(evidenceOf(findings, "openfga")).toEqual([expect.objectContaining({ file: "package.json", line: 7 })]);
    expect(evidenceOf(findings, "spicedb")).toEqual([expect.objectContaining({ file: "package.json", line: 8 })]);
  });

  it("Python requirements: meilisearch, typesense, openfga_sdk, authzed, pysolr, cerbos", async () => {
    const text = "django==5.0\nmeilisearch==0.31.0\ntypesense>=0.21\nopenfga_sdk==0.6.0\nauthzed==1.20.0\npysolr==3.9.0\ncerbos==0.11.0\n";
    const findings = await runDetector(pythonRequirementsDetector, "requirements.txt", text);
    expect(itemKeys(findings).filter((key) => !key.startsWith("languages:") && !key.startsWith("frameworks:"))).toEqual([
      "auth:cerbos",
      "auth:openfga",
      "auth:spicedb",
      "datastores:meilisearch",
      "datastores:solr",
      "datastores:typesense",
    ]);
    expect(evidenceOf(findings, "openfga")).toEqual([{ file: "requirements.txt", line: 4, detail: "openfga-sdk ==0.6.0" }]);
    expect(evidenceOf(findings, "spicedb")).toEqual([{ file: "requirements.txt", line: 5, detail: "authzed ==1.20.0" }]);
  });

  it("go.mod: meilisearch-go, typesense-go/v2, openfga go-sdk, authzed-go, vitess, casbin/v2, opa", async () => {
    const goMod = `module example.com/shop

go 1.22

require (
\tgithub.com/meilisearch/meilisearch-go v0.27.0
\tgithub.com/typesense/typesense-go/v2 v2.0.0
\tgithub.com/openfga/go-sdk v0.5.0
\tgithub.com/authzed/authzed-go v0.14.0
\tvitess.io/vitess v0.19.0
\tgithub.com/casbin/casbin/v2 v2.99.0
\tgithub.com/open-policy-agent/opa v0.68.0
\tgithub.com/hashicorp/consul/api v1.29.4
)
`;
    const findings = await runDetector(goModDetector, "go.mod", goMod);
    expect(itemKeys(findings)).toEqual([
      "auth:casbin",
      "auth:opa",
      "auth:openfga",
      "auth:spicedb",
      "datastores:meilisearch",
      "datastores:typesense",
      "datastores:vitess",
      "infra:consul",
      "languages:go@1.22",
    ]);
    expect(evidenceOf(findings, "typesense")).toEqual([{ file: "go.mod", line: 7, detail: "github.com/typesense/typesense-go/v2 v2.0.0" }]);
    expect(evidenceOf(findings, "vitess")).toEqual([{ file: "go.mod", line: 10, detail: "vitess.io/vitess v0.19.0" }]);
  });

  it("Gradle and Maven: meilisearch-java, typesense-java, openfga-sdk, authzed, jcasbin, solrj", async () => {
    const gradle = `plugins { id 'java' }
dependencies {
    implementation 'com.meilisearch.sdk:meilisearch-java:0.14.0'
    implementation 'org.typesense:typesense-java:1.3.0'
    implementation 'dev.openfga:openfga-sdk:0.3.1'
    implementation 'com.authzed.api:authzed:1.4.0'
    implementation 'org.casbin:jcasbin:1.55.0'
}
`;
    const fromGradle = await runDetector(gradleBuildDetector, "build.gradle", gradle);
    expect(itemKeys(fromGradle).filter((key) => !key.startsWith("languages:"))).toEqual([
      "auth:casbin",
      "auth:openfga",
      "auth:spicedb",
      "datastores:meilisearch",
      "datastores:typesense",
    ]);
    expect(evidenceOf(fromGradle, "spicedb")).toEqual([expect.objectContaining({ file: "build.gradle", line: 6 })]);

    const pom = `<project>
  <dependencies>
    <dependency>
      <groupId>org.apache.solr</groupId>
      <artifactId>solr-solrj</artifactId>
      <version>9.6.1</version>
    </dependency>
    <dependency>
      <groupId>dev.openfga</groupId>
      <artifactId>openfga-sdk</artifactId>
      <version>0.3.1</version>
    </dependency>
  </dependencies>
</project>
`;
    const fromPom = await runDetector(mavenPomDetector, "pom.xml", pom);
    expect(itemKeys(fromPom).filter((key) => !key.startsWith("languages:"))).toEqual(["auth:openfga", "datastores:solr"]);
    expect(evidenceOf(fromPom, "solr")[0]).toMatchObject({ file: "pom.xml" });
  });

  it("Gemfile, composer.json and Cargo.toml", async () => {
    const gemfile = "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'meilisearch-rails'\ngem 'typesense'\ngem 'authzed'\n";
    const gems = await runDetector(gemfileDetector, "Gemfile", gemfile);
    expect(itemKeys(gems)).toEqual(expect.arrayContaining(["auth:spicedb", "datastores:meilisearch", "datastores:typesense"]));
    expect(evidenceOf(gems, "meilisearch")).toEqual([{ file: "Gemfile", line: 3, detail: "gem meilisearch-rails" }]);

    const composer = JSON.stringify({ require: { php: "^8.2", "meilisearch/meilisearch-php": "^1.9", "typesense/typesense-php": "^4.9", "casbin/casbin": "^3.25" } }, null, 2);
    const php = await runDetector(composerJsonDetector, "composer.json", composer);
    expect(itemKeys(php)).toEqual(["auth:casbin", "datastores:meilisearch", "datastores:typesense", "languages:php@8.2"]);
    expect(evidenceOf(php, "typesense")).toEqual([{ file: "composer.json", line: 5, detail: "typesense/typesense-php ^4.9" }]);

    const cargo = '[package]\nname = "shop"\n\n[dependencies]\nmeilisearch-sdk = "0.27"\ncasbin = { version = "2.5", features = ["runtime-tokio"] }\n';
    const rust = await runDetector(cargoTomlDetector, "Cargo.toml", cargo);
    expect(itemKeys(rust)).toEqual(["auth:casbin", "datastores:meilisearch", "languages:rust"]);
    expect(evidenceOf(rust, "meilisearch")).toEqual([{ file: "Cargo.toml", line: 5, detail: "meilisearch-sdk 0.27" }]);
  });
});

describe(".env.example key hints", () => {
  it("names the technology from the key and never keeps a value", async () => {
    const text = [
      "MEILI_MASTER_KEY=planted-meili-master-key",
      "TYPESENSE_API_KEY=planted-typesense-key",
      "FGA_API_URL=http://openfga:8080",
      "SPICEDB_PRESHARED_KEY=planted-spicedb-key",
      "PGBOUNCER_DATABASE=orders",
      "PROXYSQL_ADMIN_PASSWORD=planted-proxysql-password",
      "ALGOLIA_APP_ID=ABC",
      "",
    ].join("\n");
    const findings = await runDetector(envExampleDetector, ".env.example", text);
    expect(itemKeys(findings)).toEqual([
      "auth:openfga",
      "auth:spicedb",
      "datastores:algolia",
      "datastores:meilisearch",
      "datastores:typesense",
      "infra:pgbouncer",
      "infra:proxysql",
    ]);
    expect(evidenceOf(findings, "pgbouncer")).toEqual([{ file: ".env.example", line: 5, detail: "env key PGBOUNCER_DATABASE" }]);
    // PGBOUNCER_ keys name the pooler, not PostgreSQL itself.
    expect(itemKeys(findings)).not.toContain("datastores:postgresql");
    expect(JSON.stringify(findings)).not.toMatch(/planted|openfga:8080|orders/);
  });
});
