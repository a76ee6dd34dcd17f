import { describe, expect, it } from "@jest/globals";
import { parseRequirement } from "../../../src/scan/detectors/python-packages.js";
import { pipfileDetector, pythonPyprojectDetector } from "../../../src/scan/detectors/python-pyproject.js";
import { pythonRequirementsDetector, pythonSetupCfgDetector, pythonVersionFileDetector } from "../../../src/scan/detectors/python-requirements.js";
import { evidenceOf, itemKeys, itemNames, runDetector, warningsOf } from "./run-detector.js";

describe("requirements.txt detector", () => {
  it("matches pip requirement files by name", () => {
    for (const path of ["requirements.txt", "api/requirements-dev.txt", "requirements/base.txt", "dev-requirements.txt", "requirements.in"]) {
      expect(pythonRequirementsDetector.matches(path)).toBe(true);
    }
    for (const path of ["requirements.md", "src/requirements.py", "notrequirements.txt"]) expect(pythonRequirementsDetector.matches(path)).toBe(false);
  });

  it("maps packages to items with pinned versions and lines", async () => {
    const text = [
      "# web",
      "FastAPI==0.110.0",
      "uvicorn[standard]>=0.29",
      "celery[redis]==5.3.6 ; python_version >= '3.9'",
      "psycopg2-binary",
      "-r common.txt",
      "--index-url https://user:hunter2@pypi.example.com/simple",
      "git+https://token@github.com/acme/private.git#egg=private",
      "SQLAlchemy~=2.0.29",
      "aio_pika",
      "boto3==1.34.0",
      "",
    ].join("\n");
    const findings = await runDetector(pythonRequirementsDetector, "requirements.txt", text);
    expect(itemKeys(findings)).toEqual([
      "caches:redis",
      "datastores:postgresql",
      "frameworks:fastapi@0.110.0",
      "frameworks:sqlalchemy@2.0.29",
      "frameworks:uvicorn@0.29",
      "languages:python",
      "messaging:celery@5.3.6",
      "messaging:rabbitmq",
    ]);
    expect(evidenceOf(findings, "fastapi")).toEqual([{ file: "requirements.txt", line: 2, detail: "fastapi ==0.110.0" }]);
    expect(evidenceOf(findings, "redis")).toEqual([{ file: "requirements.txt", line: 4, detail: "celery ==5.3.6" }]);
    expect(evidenceOf(findings, "rabbitmq")).toEqual([{ file: "requirements.txt", line: 10, detail: "aio-pika" }]);
    // boto3 alone names no AWS service and no platform.
    expect(itemNames(findings).some((name) => /aws|s3|sqs/.test(name))).toBe(false);
    expect(JSON.stringify(findings)).not.toContain("hunter2");
    expect(JSON.stringify(findings)).not.toContain("token@");
  });

  it("parses PEP 508 requirement strings", () => {
    expect(parseRequirement("Django_REST.framework [a, b] >= 3.14 ; extra == 'x'")).toEqual({ name: "django-rest-framework", extras: ["a", "b"], spec: ">= 3.14" });
    expect(parseRequirement("=== nonsense")).toBeNull();
    expect(parseRequirement("redis==5.0.4 \\")).toEqual({ name: "redis", extras: [], spec: "==5.0.4" });
  });
});

describe("pyproject.toml detector", () => {
  const PEP621 = `[project]
name = "orders"
requires-python = ">=3.11"
dependencies = [
  "fastapi>=0.110",
  "asyncpg==0.29.0",
  "pyjwt[crypto]",
  "strawberry-graphql",
]

[project.optional-dependencies]
kafka = ["aiokafka>=0.10"]

[tool.poetry.dependencies]
python = "^3.12"
django = "^5.0.3"
celery = { version = "^5.3", extras = ["sqs"] }

[tool.poetry.group.dev.dependencies]
pymongo = "*"
`;

  it("reads PEP 621 and Poetry dependencies with lines", async () => {
    const findings = await runDetector(pythonPyprojectDetector, "svc/pyproject.toml", PEP621);
    expect(itemKeys(findings)).toEqual([
      "apiStyles:graphql",
      "auth:jwt",
      "datastores:mongodb",
      "datastores:postgresql",
      "frameworks:django@5.0.3",
      "frameworks:fastapi@0.110",
      "languages:python@3.11",
      "messaging:celery@5.3",
      "messaging:kafka",
      "messaging:sqs",
    ]);
    expect(evidenceOf(findings, "python")).toEqual([{ file: "svc/pyproject.toml", line: 3 }]);
    expect(evidenceOf(findings, "postgresql")).toEqual([{ file: "svc/pyproject.toml", line: 6, detail: "asyncpg ==0.29.0" }]);
    expect(evidenceOf(findings, "kafka")).toEqual([{ file: "svc/pyproject.toml", line: 12, detail: "aiokafka >=0.10" }]);
    expect(evidenceOf(findings, "django")).toEqual([{ file: "svc/pyproject.toml", line: 16, detail: "django ^5.0.3" }]);
    expect(evidenceOf(findings, "sqs")[0]?.line).toBe(17);
    expect(evidenceOf(findings, "mongodb")[0]?.line).toBe(20);
  });

  it("turns broken TOML into a warning with its line", async () => {
    const findings = await runDetector(pythonPyprojectDetector, "pyproject.toml", "[project]\ndependencies = [\n  \"fastapi\"\n");
    expect(findings).toHaveLength(1);
    expect(warningsOf(findings)[0]).toMatchObject({ kind: "warning", file: "pyproject.toml", line: 4 });
    expect(warningsOf(findings)[0]?.message).toMatch(/^could not parse TOML: /);
    // Only the parser's first message line: the source snippet it appends stays out of findings.
    expect(warningsOf(findings)[0]?.message).not.toContain("fastapi");
  });
});

describe("Pipfile, setup.cfg and .python-version", () => {
  it("reads Pipfile packages and python_version", async () => {
    const text = `[[source]]\nurl = "https://pypi.org/simple"\n\n[packages]\nflask = "==3.0.2"\nredis = "*"\n\n[dev-packages]\npytest = "*"\n\n[requires]\npython_version = "3.12"\n`;
    const findings = await runDetector(pipfileDetector, "Pipfile", text);
    expect(itemKeys(findings)).toEqual(["caches:redis", "frameworks:flask@3.0.2", "languages:python@3.12"]);
    expect(evidenceOf(findings, "flask")).toEqual([{ file: "Pipfile", line: 5, detail: "flask ==3.0.2" }]);
    expect(evidenceOf(findings, "python")).toEqual([{ file: "Pipfile", line: 12 }]);
  });

  it("reads setup.cfg install_requires continuation lines", async () => {
    const text = `[metadata]\nname = x\n\n[options]\npython_requires = >=3.10\ninstall_requires =\n    flask>=2\n    pymysql\n\n[options.extras_require]\nqueue = pika\n`;
    const findings = await runDetector(pythonSetupCfgDetector, "setup.cfg", text);
    expect(itemKeys(findings)).toEqual(["datastores:mysql", "frameworks:flask@2", "languages:python@3.10", "messaging:rabbitmq"]);
    expect(evidenceOf(findings, "mysql")).toEqual([{ file: "setup.cfg", line: 8, detail: "pymysql" }]);
    expect(evidenceOf(findings, "rabbitmq")[0]?.line).toBe(11);
  });

  it("reads .python-version", async () => {
    expect(itemKeys(await runDetector(pythonVersionFileDetector, ".python-version", "3.12.2\n"))).toEqual(["languages:python@3.12.2"]);
  });
});
