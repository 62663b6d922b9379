// ESLint with typescript-eslint over the sources, tests, scripts and benchmark (`npm run lint`, part of `npm test`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["out/", "dist/", ".bench/", "node_modules/", "test/e2e/out/", "test/e2e/.tools/", "test/fixtures/", "client/media/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", __dirname: "readonly", require: "readonly", module: "writable", TextDecoder: "readonly", TextEncoder: "readonly", performance: "readonly", structuredClone: "readonly", queueMicrotask: "readonly", setImmediate: "readonly", global: "readonly" } },
    rules: {
      // Unused parameters that are named `_…` say on purpose that a callback ignores them.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // The bundled server and CLI load the DOCX renderer lazily with require.
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // Tests feed and look for control characters on purpose (hostile input, terminal colours).
    files: ["test/**"],
    rules: { "no-control-regex": "off" },
  },
);
