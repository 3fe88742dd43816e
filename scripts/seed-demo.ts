// npm run seed:demo — loads the Grand Est demo into the configured database (embedded or DATABASE_URL) if it is empty.
import { boot } from "../src/boot";
import { seedDemoIfEmpty } from "../src/demo/seed";

const rt = await boot();
const stats = await seedDemoIfEmpty();
console.log(stats ? `Démo Grand Est chargée : ${JSON.stringify(stats)}` : "La base contient déjà des comptes : rien n’a été chargé.");
await rt.database.close();
