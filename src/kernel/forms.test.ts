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
