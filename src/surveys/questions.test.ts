import { describe, expect, it } from "vitest";
import { fieldName, nextSection, readAll, readAnswer, structureOf, type Question } from "./questions";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const question = (n: number, over: Partial<Question>): Question => ({ id: id(n), sectionId: id(100), position: n, kind: "single", label: `Q${n}`, help: "", required: true, options: ["Oui", "Non", "Sans avis"], rows: [], maxChoices: null, condition: null, ...over });

describe("reading an answer, one zod schema per kind, French messages", () => {
  const cases: [string, Partial<Question>, Record<string, string[]>, string | object][] = [
    ["single: one option", { kind: "single" }, { [fieldName(id(1))]: ["1"] }, { choices: [{ item: 0, value: 1 }], text: null }],
    ["single: required and missing", { kind: "single" }, {}, "Répondez à cette question."],
    ["single: an unknown option", { kind: "single" }, { [fieldName(id(1))]: ["7"] }, "Choisissez parmi les réponses proposées."],
    ["single: two options", { kind: "single" }, { [fieldName(id(1))]: ["0", "1"] }, "Une seule réponse."],
    ["multiple: within the maximum", { kind: "multiple", maxChoices: 2 }, { [fieldName(id(1))]: ["0", "2"] }, { choices: [{ item: 0, value: 0 }, { item: 0, value: 2 }], text: null }],
    ["multiple: above the maximum", { kind: "multiple", maxChoices: 2 }, { [fieldName(id(1))]: ["0", "1", "2"] }, "2\u00a0réponses au plus."],
    ["multiple: the same option twice", { kind: "multiple" }, { [fieldName(id(1))]: ["0", "0"] }, "Choisissez parmi les réponses proposées."],
    ["scale 1–5: 5", { kind: "scale5" }, { [fieldName(id(1))]: ["5"] }, { choices: [{ item: 0, value: 5 }], text: null }],
    ["scale 1–5: 0 refused", { kind: "scale5" }, { [fieldName(id(1))]: ["0"] }, "Choisissez une valeur de 1 à 5."],
    ["scale 0–10: 0", { kind: "scale10" }, { [fieldName(id(1))]: ["0"] }, { choices: [{ item: 0, value: 0 }], text: null }],
    ["scale 0–10: 11 refused", { kind: "scale10" }, { [fieldName(id(1))]: ["11"] }, "Choisissez une valeur de 0 à 10."],
    ["short text: kept, trimmed", { kind: "short_text" }, { [fieldName(id(1))]: ["  Télétravail  "] }, { choices: [], text: "Télétravail" }],
    ["short text: too long", { kind: "short_text" }, { [fieldName(id(1))]: ["x".repeat(301)] }, "300\u00a0caractères au plus."],
    ["long text: optional and empty", { kind: "long_text", required: false }, { [fieldName(id(1))]: [""] }, { choices: [], text: null }],
    ["ranking: every option ranked", { kind: "ranking" }, { [fieldName(id(1), 0)]: ["2"], [fieldName(id(1), 1)]: ["1"], [fieldName(id(1), 2)]: ["3"] }, { choices: [{ item: 0, value: 2 }, { item: 1, value: 1 }, { item: 2, value: 3 }], text: null }],
    ["ranking: a rank twice", { kind: "ranking" }, { [fieldName(id(1), 0)]: ["1"], [fieldName(id(1), 1)]: ["1"], [fieldName(id(1), 2)]: ["2"] }, "Chaque rang une seule fois."],
    ["ranking: required and partial", { kind: "ranking" }, { [fieldName(id(1), 0)]: ["1"] }, "Classez toutes les réponses."],
    ["matrix: one column a row", { kind: "matrix", rows: ["Accueil", "Délais"] }, { [fieldName(id(1), 0)]: ["2"], [fieldName(id(1), 1)]: ["0"] }, { choices: [{ item: 0, value: 2 }, { item: 1, value: 0 }], text: null }],
    ["matrix: a row missing", { kind: "matrix", rows: ["Accueil", "Délais"] }, { [fieldName(id(1), 0)]: ["2"] }, "Répondez pour chaque ligne."],
  ];
  it.each(cases)("%s", (_, over, raw, expected) => {
    const r = readAnswer(question(1, over), raw);
    if (typeof expected === "string") expect(r).toEqual({ ok: false, error: expected });
    else expect(r).toEqual({ ok: true, answer: expected });
  });
});

describe("conditions, evaluated between sections", () => {
  const sections = [0, 1, 2].map((i) => ({ id: id(100 + i), position: i, title: `Section ${i}`, description: "" }));
  const q1 = question(1, { sectionId: id(100), options: ["Oui", "Non"] });
  const q2 = question(2, { sectionId: id(101), kind: "long_text", condition: { questionId: id(1), values: [0] } });
  const q3 = question(3, { sectionId: id(102), kind: "scale5" });
  const s = structureOf(sections, [q1, q2, q3]);

  it("shows the second section to who answered « Oui », skips it for « Non »", () => {
    const yes = readAll(s, { [fieldName(id(1))]: ["0"] });
    expect(nextSection(s, 0, yes.answers)).toBe(1);
    const no = readAll(s, { [fieldName(id(1))]: ["1"] });
    expect(nextSection(s, 0, no.answers)).toBe(2);
  });

  it("drops what was sent for a hidden question and does not require it", () => {
    const r = readAll(s, { [fieldName(id(1))]: ["1"], [fieldName(id(2))]: ["un texte"], [fieldName(id(3))]: ["4"] });
    expect(r.errors).toEqual({});
    expect([...r.answers.keys()]).toEqual([id(1), id(3)]);
  });

  it("requires a shown question", () => {
    const r = readAll(s, { [fieldName(id(1))]: ["0"], [fieldName(id(3))]: ["4"] });
    expect(r.errors).toEqual({ [fieldName(id(2))]: "Répondez à cette question." });
  });
});
