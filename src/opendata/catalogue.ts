/**
 * The DCAT-AP catalogue (JSON-LD) a udata portal (data.gouv.fr, DataGrandEst) harvests: one
 * dcat:Dataset per dataset, with its CSV and JSON distributions, its Table Schema
 * (dct:conformsTo), the Licence Ouverte 2.0, its update date and publisher.
 */
import { runtime } from "../kernel/runtime";
import { datasets, datasetStats } from "./datasets";
import { LICENCE } from "./formats";

const dateTime = (d: Date) => ({ "@value": d.toISOString(), "@type": "xsd:dateTime" });

export async function catalogue() {
  const { publicUrl: base, instance } = runtime().config;
  const stats = await datasetStats();
  const publisher = { "@id": `${base}/#editeur`, "@type": "foaf:Organization", "foaf:name": (instance.operator || instance.name).replace(/\s*\n\s*/g, " – ") };
  const latest = [...stats.values()].map((s) => s.updatedAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  const graph: Record<string, unknown>[] = [
    {
      "@id": `${base}/donnees/catalogue.jsonld`,
      "@type": "dcat:Catalog",
      "dct:title": `Données ouvertes – ${instance.name}`,
      "dct:description": "Les données publiques des laboratoires d’innovation publique : idées, problématiques, Mini-Labs et décisions, projets et leurs étapes.",
      "dct:language": { "@id": "http://publications.europa.eu/resource/authority/language/FRA" },
      "dct:publisher": { "@id": publisher["@id"] },
      "foaf:homepage": { "@id": `${base}/donnees` },
      "dct:license": { "@id": LICENCE.path },
      ...(latest ? { "dct:modified": dateTime(new Date(latest)) } : {}),
      "dcat:dataset": datasets.map((d) => ({ "@id": `${base}/donnees#${d.slug}` })),
    },
    publisher,
  ];
  for (const d of datasets) {
    const st = stats.get(d.slug);
    const schema = `${base}/donnees/${d.slug}/schema.json`;
    graph.push({
      "@id": `${base}/donnees#${d.slug}`,
      "@type": "dcat:Dataset",
      "dct:identifier": d.slug,
      "dct:title": d.title,
      "dct:description": d.description,
      "dcat:keyword": d.keywords,
      "dct:publisher": { "@id": publisher["@id"] },
      "dct:license": { "@id": LICENCE.path },
      "dct:language": { "@id": "http://publications.europa.eu/resource/authority/language/FRA" },
      "dct:accrualPeriodicity": { "@id": "http://publications.europa.eu/resource/authority/frequency/CONT" },
      "dcat:landingPage": { "@id": `${base}/donnees` },
      "dct:conformsTo": { "@id": schema },
      ...(st?.updatedAt ? { "dct:modified": dateTime(st.updatedAt) } : {}),
      "dcat:distribution": ["csv", "json"].map((f) => ({ "@id": `${base}/donnees/${d.slug}.${f}` })),
    });
    for (const [format, mediaType] of [["csv", "text/csv"], ["json", "application/json"]] as const) {
      graph.push({
        "@id": `${base}/donnees/${d.slug}.${format}`,
        "@type": "dcat:Distribution",
        "dct:title": `${d.title} (${format.toUpperCase()})`,
        "dct:description": `${st?.count ?? 0} lignes, mises à jour en continu.`,
        "dcat:accessURL": { "@id": `${base}/donnees/${d.slug}.${format}` },
        "dcat:downloadURL": { "@id": `${base}/donnees/${d.slug}.${format}` },
        "dcat:mediaType": mediaType,
        "dct:format": format.toUpperCase(),
        "dct:license": { "@id": LICENCE.path },
        "dct:conformsTo": { "@id": schema },
      });
    }
  }
  return {
    "@context": {
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
      xsd: "http://www.w3.org/2001/XMLSchema#",
    },
    "@graph": graph,
  };
}
