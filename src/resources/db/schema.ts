import type { Generated, Selectable } from "kysely";

export const resourceKinds = {
  method: "Fiche méthode",
  tool: "Outil",
  template: "Modèle",
  case_study: "Étude de cas",
} as const;
export type ResourceKind = keyof typeof resourceKinds;
export const resourceKindKeys = Object.keys(resourceKinds) as ResourceKind[];

/** The fields each kind of sheet has (besides title, summary, tags and visibility): a save writes only these. */
export type KindField = "objective" | "when_to_use" | "duration" | "group_size" | "material" | "steps" | "variants" | "body" | "problem" | "result" | "indicators";
export const kindFields: Record<ResourceKind, KindField[]> = {
  method: ["objective", "when_to_use", "duration", "group_size", "material", "steps", "variants"],
  tool: ["when_to_use", "body", "material"],
  template: ["when_to_use", "body"],
  case_study: ["problem", "body", "result", "indicators"],
};

export const visibilities = {
  agents: "Réservée aux agents connectés",
  public: "Publique",
} as const;
export type Visibility = keyof typeof visibilities;

export type ResourcesTables = {
  resources: {
    id: Generated<string>;
    lab_id: string;
    kind: ResourceKind;
    /** A method's title is its name in the Mini-Lab sessions (unique per lab among methods). */
    title: string;
    summary: string;
    objective: string;
    when_to_use: string;
    duration: string;
    group_size: string;
    material: string;
    steps: string;
    variants: string;
    /** A tool's or template's description; a case study's method. */
    body: string;
    /** Case studies: the problem, the result and the indicators, from the project they tell. */
    problem: string;
    result: string;
    indicators: string;
    project_id: string | null;
    tags: string[];
    visibility: Generated<Visibility>;
    published_at: Date | null;
    archived_at: Date | null;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  resource_files: {
    id: Generated<string>;
    resource_id: string;
    filename: string;
    mime: string;
    size: number;
    content: Buffer;
    uploaded_by: string | null;
    created_at: Generated<Date>;
  };
};

export type Resource = Selectable<ResourcesTables["resources"]>;
