/** Jest runs the TypeScript sources as ES modules through SWC. */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Large fault cases (100,000-file repo, 50 MB files) are slow: ADRGEN_SLOW=1 runs them (.ci/run does).
  testPathIgnorePatterns: process.env.ADRGEN_SLOW ? ["/node_modules/"] : ["/node_modules/", "\\.slow\\.test\\.ts$"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: { parser: { syntax: "typescript" }, target: "es2022", experimental: { keepImportAttributes: true } },
        module: { type: "es6" },
      },
    ],
  },
  setupFiles: ["<rootDir>/test/helpers/setup-env.ts"],
  testTimeout: 30000,
};
