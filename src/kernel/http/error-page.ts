/**
 * The page the HTTP server answers itself, before or outside React Router (a malformed address,
 * an error in a middleware): French, no stack trace, no detail of the server, in dev as in
 * production. It needs no script and no style of its own, so the CSP allows it as it is.
 */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function errorPageHtml(status: number, title: string, message: string, siteName = "Germoir"): string {
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} – ${escape(siteName)}</title></head>
<body>
<main id="contenu" role="main">
<h1>${escape(title)}</h1>
<p>${escape(message)}</p>
<p>Code d’erreur\u00a0: ${status}</p>
<p><a href="/">Retour à l’accueil</a></p>
</main>
</body>
</html>
`;
}

export const MALFORMED_URL = { title: "Requête refusée", message: "L’adresse demandée est mal formée." } as const;
export const SERVER_ERROR = { title: "Erreur du serveur", message: "Une erreur inattendue est survenue. L’équipe technique en a été informée." } as const;

/** True when the path's percent-encoding cannot be decoded ("/%E0%A4%A", "/%zz"). */
export function isMalformedPath(rawUrl: string): boolean {
  const path = rawUrl.split(/[?#]/, 1)[0];
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}
