/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // Tests live in tests/, never beside routes (a test file in app/routes would become a route).
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverBuildPath: "build/index.js",
  // opencc-js is a build-time tool (a devDependency); the screening uses one small table of it
  // (Traditional → Simplified characters), bundled so the server needs no devDependency at run time.
  serverDependenciesToBundle: [/^opencc-js/],
  assetsBuildDirectory: "public/build",
  publicPath: "/build/",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
