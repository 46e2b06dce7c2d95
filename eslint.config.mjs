// @ts-check
/**
 * Lint, run by `npm test` (and `npm run lint`). Besides typescript-eslint's recommended rules it
 * keeps the layers of docs/architecture.md honest: routes → components / course / teach / models /
 * playground → utils / i18n → db, nothing imports upward, and browser code never imports a
 * `.server` module. tests/lint/ proves the boundaries rule fails on an upward import.
 */
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Where each kind of code lives (the first matching pattern wins). */
const ELEMENTS = [
  { type: "routes", pattern: "app/routes" },
  { type: "components", pattern: "app/components" },
  // the teacher's guides are course content, built with the lessons
  { type: "course", pattern: "app/guides" },
  { type: "forms", pattern: "app/forms" },
  { type: "playground", pattern: "app/playground" },
  // the teacher's reports (class page, quiz insight, student report, exports): read models
  { type: "teach", pattern: "app/teach" },
  { type: "models", pattern: "app/models" },
  { type: "course", pattern: "app/course" },
  { type: "utils", pattern: "app/utils" },
  // content-hashed JSON assets (the catalog, a lesson's text): what every page may be sent alike
  { type: "assets", pattern: "app/assets" },
  { type: "i18n", pattern: "app/i18n/**" },
  { type: "styles", pattern: "app/styles" },
  { type: "db", pattern: "db" },
  { type: "server", pattern: "server" },
  { type: "scripts", pattern: "scripts" },
  { type: "tests", pattern: "tests" },
];

/**
 * Types only (erased when built): a component may name the shape of the data a model returns,
 * and a model or form the shape of what it stores or parses, without depending on its code.
 */
const MAY_IMPORT_TYPES = {
  components: ["models", "teach"],
  models: ["playground"],
  forms: ["db"],
};

/** What each layer may import (besides itself). */
const MAY_IMPORT = {
  routes: ["components", "forms", "playground", "teach", "models", "course", "utils", "assets", "i18n", "styles", "db"],
  components: ["forms", "playground", "course", "utils", "assets", "i18n", "styles"],
  // forms parse what routes receive, with the rules (limits, patterns) of the models they feed
  forms: ["models", "course", "utils", "i18n"],
  playground: ["models", "course", "utils", "i18n", "db"],
  // beside models: reports read the entities, never the other way round
  teach: ["models", "course", "utils", "i18n", "db"],
  models: ["course", "utils", "i18n", "db"],
  course: ["utils", "i18n"],
  utils: ["i18n", "db"],
  i18n: ["assets"],
  assets: [],
  styles: [],
  db: [],
  server: ["routes", "teach", "models", "playground", "course", "utils", "i18n", "db"],
  scripts: ["server", "teach", "models", "playground", "course", "guides", "utils", "i18n", "db", "components"],
  tests: ELEMENTS.map((e) => e.type),
};

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", ".cache/**", "bench-results/**", "tests/lint/fixtures/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    plugins: { boundaries, "react-hooks": reactHooks },
    settings: {
      "boundaries/elements": ELEMENTS,
      "boundaries/include": ["app/**", "db/**", "server/**", "scripts/**", "tests/**"],
      "import/resolver": { typescript: { alwaysTryTypes: true, project: "./tsconfig.json" } },
    },
    rules: {
      // a `let` that callbacks read before its one assignment must stay a `let` (TDZ otherwise)
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // `_name` marks what is left out on purpose (a rest-destructured secret, an Express arity)
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: [
            ...Object.entries(MAY_IMPORT).map(([from, allow]) => ({
              from: { element: { type: from } },
              allow: { to: { element: { types: { anyOf: [from, ...allow] } } } },
            })),
            ...Object.entries(MAY_IMPORT_TYPES).map(([from, allow]) => ({
              from: { element: { type: from } },
              allow: { to: { element: { types: { anyOf: allow } } }, dependency: { kind: "type" } },
            })),
          ],
        },
      ],
    },
  },
  {
    // Code that can reach the browser never imports a `.server` module (Remix would bundle it,
    // or fail the build). Routes may: Remix strips what only their loaders and actions use.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/routes/**", "app/root.tsx", "app/entry.server.tsx", "app/**/*.server.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        // a type is erased before anything reaches the browser, so naming one is fine
        { patterns: [{ group: ["**/*.server", "~/**/*.server"], allowTypeImports: true, message: "browser code may not import a .server module" }] },
      ],
    },
  },
);
