// Worker-thread entry: registers tsx (TypeScript) in this thread, then loads the real entry.
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.entry);
