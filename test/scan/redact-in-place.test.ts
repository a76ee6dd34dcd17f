import { describe, expect, it } from "@jest/globals";
import { redactInPlace, redactSecrets } from "../../src/scan/redact.js";
import { PLANTED_SECRETS } from "./planted-secrets.js";

describe("redactInPlace", () => {
  it("replaces every secret-looking string where it is and returns the same value", () => {
    const shared = { file: `keys/${PLANTED_SECRETS.githubPat}.json`, line: 3 };
    const value = { a: [PLANTED_SECRETS.stripeLive, 3, shared], b: { c: `x ${PLANTED_SECRETS.awsAccessKey}`, d: null, e: true, f: [shared] } };
    const result = redactInPlace(value);
    expect(result).toBe(value);
    expect(JSON.stringify(value)).not.toMatch(new RegExp([PLANTED_SECRETS.stripeLive, PLANTED_SECRETS.awsAccessKey, PLANTED_SECRETS.githubPat].join("|")));
    expect(value.a[1]).toBe(3);
    expect(value.b.d).toBeNull();
    expect(shared.line).toBe(3);
  });

  it("agrees with redactSecrets on every planted secret and on ordinary text", () => {
    for (const text of [...Object.values(PLANTED_SECRETS), "packages/api/package.json", "dependencies: express", "services/svc-1/docker-compose.dev.yml"]) {
      expect(redactInPlace({ text }).text).toBe(redactSecrets(text));
    }
  });
});
