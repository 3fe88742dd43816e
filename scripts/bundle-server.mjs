// `npm run build`, second step: the production server as plain JavaScript, after `react-router build`.
//
// server/main.ts, the modules it imports and the React Router server build (build/server/index.js)
// become one file, build/server/main.mjs, that `npm start` runs with plain Node: no TypeScript
// compiler in the running server (its idle memory fell from 265 to 175 MB on the bench), and one
// copy of each module shared by the server and the routes. The theme engine's worker thread is
// bundled beside it (build/server/engine-thread.mjs). Packages stay in node_modules, except the
// ones whose JSON files Node would refuse to import without an import attribute.
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const inlined = new Set(["stopwords-iso"]);
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !inlined.has(name))
  .flatMap((name) => [name, `${name}/*`]);

if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
  console.error("build/server/index.js is missing: run `react-router build` first.");
  process.exit(1);
}
await build({
  absWorkingDir: root,
  entryPoints: { main: "server/main.ts", "engine-thread": "src/themes/engine-thread.ts" },
  outdir: "build/server",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external,
  sourcemap: "linked",
  logLevel: "warning",
  // CommonJS packages bundled in (none today) would need require()
  banner: { js: 'import { createRequire as __germoirRequire } from "node:module"; const require = __germoirRequire(import.meta.url);' },
});
console.log("build/server/main.mjs, build/server/engine-thread.mjs");
