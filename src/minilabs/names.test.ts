import { describe, expect, it } from "vitest";
import { minilabNamed } from "./names";

describe("minilabNamed", () => {
  it("names a Mini-Lab once in a sentence", () => {
    expect(`le ${minilabNamed("Restauration scolaire")}`).toBe("le Mini-Lab « Restauration scolaire »");
    expect(`le ${minilabNamed("Mini-Lab Restauration scolaire")}`).toBe("le Mini-Lab Restauration scolaire");
    expect(`le ${minilabNamed("mini lab des lycées")}`).toBe("le mini lab des lycées");
    expect(`le ${minilabNamed("Minilabo")}`).toBe("le Mini-Lab « Minilabo »");
  });
});
