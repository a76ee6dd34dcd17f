import { describe, expect, it } from "@jest/globals";
import { gradleBuildDetector, gradleVersionCatalogDetector } from "../../../src/scan/detectors/gradle-build.js";
import { mavenPomDetector } from "../../../src/scan/detectors/maven-pom.js";
import { evidenceOf, itemKeys, runDetector, warningsOf } from "./run-detector.js";

const POM = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.2.4</version>
  </parent>
  <artifactId>orders</artifactId>
  <properties>
    <java.version>21</java.version>
    <jjwt.version>0.12.5</jjwt.version>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-security</artifactId>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-data-jpa</artifactId>
    </dependency>
    <dependency>
      <groupId>com.mysql</groupId>
      <artifactId>mysql-connector-j</artifactId>
      <scope>runtime</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.kafka</groupId>
      <artifactId>spring-kafka</artifactId>
    </dependency>
    <dependency>
      <groupId>io.jsonwebtoken</groupId>
      <artifactId>jjwt-api</artifactId>
      <version>\${jjwt.version}</version>
    </dependency>
  </dependencies>
</project>
`;

describe("pom.xml detector", () => {
  it("reads the Spring Boot parent, dependencies and the Java version", async () => {
    const findings = await runDetector(mavenPomDetector, "pom.xml", POM);
    expect(itemKeys(findings)).toEqual([
      "auth:jwt",
      "auth:spring-security",
      "datastores:mysql",
      "frameworks:spring-boot",
      "frameworks:spring-boot@3.2.4",
      "frameworks:spring-data-jpa",
      "languages:java@21",
      "messaging:kafka",
    ]);
    expect(evidenceOf(findings, "java")).toEqual([{ file: "pom.xml", line: 11 }]);
    expect(evidenceOf(findings, "mysql")).toEqual([{ file: "pom.xml", line: 29, detail: "com.mysql:mysql-connector-j" }]);
    // The parent and the web starter name Spring Boot; the other starters only name what they add.
    expect(evidenceOf(findings, "spring-boot")).toEqual([
      { file: "pom.xml", line: 6, detail: "parent spring-boot-starter-parent" },
      { file: "pom.xml", line: 17, detail: "org.springframework.boot:spring-boot-starter-web" },
    ]);
  });

  it("recognises Kotlin projects", async () => {
    const pom = `<project><properties><kotlin.version>1.9.23</kotlin.version></properties><build><plugins><plugin><groupId>org.jetbrains.kotlin</groupId><artifactId>kotlin-maven-plugin</artifactId></plugin></plugins></build></project>`;
    expect(itemKeys(await runDetector(mavenPomDetector, "pom.xml", pom))).toEqual(["languages:kotlin@1.9.23"]);
  });

  it("turns malformed XML into a warning with a line", async () => {
    const findings = await runDetector(mavenPomDetector, "pom.xml", "<project>\n  <dependencies>\n    <dependency>\n</project>\n");
    expect(findings).toHaveLength(1);
    expect(warningsOf(findings)[0]).toMatchObject({ file: "pom.xml" });
    expect(warningsOf(findings)[0]?.line).toBeGreaterThan(0);
  });
});

const GRADLE_KTS = `plugins {
    id("org.springframework.boot") version "3.3.0"
    id("io.spring.dependency-management") version "1.1.5"
    kotlin("jvm") version "1.9.24"
}

java {
    toolchain { languageVersion = JavaLanguageVersion.of(21) }
}

dependencies {
    implementation("org.springframework.boot:spring-boot-starter-web")
    implementation("org.springframework.boot:spring-boot-starter-data-redis")
    implementation("org.springframework.boot:spring-boot-starter-oauth2-resource-server")
    runtimeOnly("org.postgresql:postgresql:42.7.3")
    implementation("org.springframework.boot:spring-boot-starter-amqp")
    // implementation("org.springframework.kafka:spring-kafka")
}
`;

describe("build.gradle(.kts) detector", () => {
  it("reads the Boot plugin version, Kotlin and dependency strings", async () => {
    const findings = await runDetector(gradleBuildDetector, "build.gradle.kts", GRADLE_KTS);
    expect(itemKeys(findings)).toEqual([
      "auth:oauth2",
      "caches:redis",
      "datastores:postgresql",
      "frameworks:spring-boot",
      "frameworks:spring-boot@3.3.0",
      "languages:kotlin@1.9.24",
      "messaging:rabbitmq",
    ]);
    expect(evidenceOf(findings, "spring-boot")[0]).toEqual({ file: "build.gradle.kts", line: 2, detail: "plugin org.springframework.boot" });
    expect(evidenceOf(findings, "postgresql")).toEqual([{ file: "build.gradle.kts", line: 15, detail: "org.postgresql:postgresql" }]);
  });

  it("reads Groovy DSL and the Java toolchain", async () => {
    const groovy = `plugins {\n  id 'java'\n  id 'org.springframework.boot' version '3.1.2'\n}\nsourceCompatibility = '17'\ndependencies {\n  implementation group: 'com.mysql', name: 'mysql-connector-j', version: '8.3.0'\n}\n`;
    const findings = await runDetector(gradleBuildDetector, "app/build.gradle", groovy);
    expect(itemKeys(findings)).toEqual(["datastores:mysql", "frameworks:spring-boot@3.1.2", "languages:java@17"]);
    expect(evidenceOf(findings, "java")).toEqual([{ file: "app/build.gradle", line: 5 }]);
  });

  it("reads a version catalog", async () => {
    const catalog = `[versions]\nboot = "3.2.1"\n\n[libraries]\nspring-kafka = { module = "org.springframework.kafka:spring-kafka", version = "3.1.0" }\njjwt = "io.jsonwebtoken:jjwt-api:0.12.3"\n\n[plugins]\nspring-boot = { id = "org.springframework.boot", version.ref = "boot" }\n`;
    const findings = await runDetector(gradleVersionCatalogDetector, "gradle/libs.versions.toml", catalog);
    expect(itemKeys(findings)).toEqual(["auth:jwt", "frameworks:spring-boot@3.2.1", "messaging:kafka"]);
    expect(evidenceOf(findings, "kafka")).toEqual([{ file: "gradle/libs.versions.toml", line: 5, detail: "org.springframework.kafka:spring-kafka" }]);
  });
});
