import { z } from "zod";

const day = (label: string) =>
  z
    .string()
    .trim()
    .max(10, `${label} : une date au format AAAA-MM-JJ.`)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
      if (!d || d.getUTCMonth() !== +m![2] - 1 || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2100) {
        ctx.addIssue({ code: "custom", message: `${label} : une date au format AAAA-MM-JJ.` });
        return z.NEVER;
      }
      return v;
    });

/** The dashboard's filters, from the address (a GET form): a period, an organisation and a site (the town of the organisations). */
export const dashboardQuerySchema = z
  .object({
    du: day("Du"),
    au: day("Au"),
    organisation: z.uuid({ error: "Organisation : choisissez dans la liste." }).optional().or(z.literal("").transform(() => undefined)),
    site: z
      .string({ error: "Site : choisissez dans la liste." })
      .trim()
      .max(100, "Site : choisissez dans la liste.")
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((q) => !q.du || !q.au || q.du <= q.au, { message: "Au : la fin de la période vient après son début.", path: ["au"] });

export type DashboardQuery = Omit<z.infer<typeof dashboardQuerySchema>, "site"> & { site?: string };

/** The network view's filter, from the address: a period (every lab, every organisation). */
export const networkQuerySchema = z
  .object({ du: day("Du"), au: day("Au") })
  .refine((q) => !q.du || !q.au || q.du <= q.au, { message: "Au : la fin de la période vient après son début.", path: ["au"] });
export type NetworkQuery = z.infer<typeof networkQuerySchema>;
