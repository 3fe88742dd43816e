/** The minilabs module's public face, as other modules see it (routes still import its files directly). */
export { publicMinilabsPage, publicMinilabsStats, readableMinilabs, type PublicMinilab, type PublicMinilabFilter } from "./opendata";
export { methodUsage } from "./sessions";
