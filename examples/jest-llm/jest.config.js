// Replay unless told otherwise: `pnpm record` (TAPEDECK_MODE=record) records afresh against the local stand-in.
process.env.TAPEDECK_MODE ||= process.env.CI ? "" : "replay";

/** Jest on ES modules and TypeScript (ts-jest), with tapedeck's interception installed before any test file. */
export default {
  testEnvironment: "node",
  setupFiles: ["@tapedeck/jest/setup"],
  extensionsToTreatAsEsm: [".ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: { module: "NodeNext", moduleResolution: "NodeNext", isolatedModules: true } }] },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testTimeout: 30_000,
};
