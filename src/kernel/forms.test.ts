import { expect, it } from "vitest";
import { emailList } from "./forms";

it("reads a typed list of addresses: any separator, lower case, no repeats, limits", () => {
  const field = emailList("Animateurs", { max: 3 });
  expect(field.parse("A@x.fr, b@x.fr;\na@x.fr  c@x.fr")).toEqual(["a@x.fr", "b@x.fr", "c@x.fr"]);
  expect(field.parse(undefined)).toEqual([]);
  expect(field.safeParse("a@x.fr pas-une-adresse").error?.issues[0].message).toBe("Animateurs : « pas-une-adresse » n’est pas une adresse électronique valide.");
  expect(field.safeParse("a@x.fr b@x.fr c@x.fr d@x.fr").error?.issues[0].message).toBe("Animateurs : 3 au maximum.");
  const required = emailList("Adresses", { max: 50, min: 1 });
  expect(required.safeParse("  ").error?.issues[0].message).toBe("Adresses : indiquez au moins une adresse électronique.");
  expect(required.safeParse("x".repeat(2001)).error?.issues[0].message).toBe("Adresses : liste trop longue.");
});

it("refuses a NUL character in any text the schema reads, beside its field, and keeps the rest of the input", async () => {
  const { z } = await import("zod");
  const { parseForm, requiredText, NUL_FIELD_MESSAGE } = await import("./forms");
  const schema = z.object({ title: requiredText("Titre", 100), tags: z.array(z.string()).optional(), intent: z.string() });
  const fd = new FormData();
  fd.append("title", "Un titre\u0000caché");
  fd.append("tags", "a");
  fd.append("tags", "b\u0000");
  fd.append("intent", "submit");
  fd.append("ignored", "\u0000 not read by this schema");
  const r = parseForm(fd, schema);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.errors).toEqual({ title: NUL_FIELD_MESSAGE, "tags.1": NUL_FIELD_MESSAGE });
  expect(NUL_FIELD_MESSAGE).toMatch(/^Ce champ contient un caractère non autorisé/);
  // the input comes back without the NUL (it cannot be rendered), the rest as typed
  expect(r.values.title).toBe("Un titrecaché");
  // a schema that reads only the intent is not concerned by the other fields
  expect(parseForm(fd, z.object({ intent: z.string() })).ok).toBe(true);
});
