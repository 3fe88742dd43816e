/**
 * Runs the theme engine in a worker thread (see runner.ts): the web server's event loop never
 * waits for it. Receives { docs, options } and posts progress messages, then the result.
 */
import { parentPort, workerData } from "node:worker_threads";
import { discoverThemes, type DiscoverOptions, type ThemeInput } from "./engine/index";

const { docs, options } = workerData as { docs: ThemeInput[]; options: DiscoverOptions };
try {
  const result = await discoverThemes(docs, {
    ...options,
    onProgress: (stage, fraction) => parentPort!.postMessage({ type: "progress", stage, fraction }),
  });
  parentPort!.postMessage({ type: "result", result });
} catch (err) {
  parentPort!.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
}
