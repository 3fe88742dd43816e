/**
 * How a sentence names a Mini-Lab: « le Mini-Lab « Restauration scolaire » », but a Mini-Lab
 * whose name already says so (« Mini-Lab Restauration scolaire ») is not named twice
 * (« le Mini-Lab Restauration scolaire », not « le Mini-Lab « Mini-Lab Restauration scolaire » »).
 */
export function minilabNamed(name: string): string {
  return /^mini[-\s]?lab\b/i.test(name.trim()) ? name.trim() : `Mini-Lab « ${name} »`;
}
