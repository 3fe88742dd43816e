import { redirect } from "react-router";
import type { Route } from "./+types/sign-in-callback";
import { runtime } from "~/kernel/runtime";
import { getSession } from "~/kernel/http/context";
import { OIDC_COOKIE } from "~/kernel/auth/oidc";
import { parseCookies, serializeCookie } from "~/kernel/auth/sessions";
import { completeOidcSignIn } from "~/accounts/sign-in";
import { safeReturnPath } from "~/web/auth";

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const clearFlow = serializeCookie(OIDC_COOKIE, "", { maxAge: 0 });
  if (url.searchParams.get("error")) {
    const msg = "La connexion a été interrompue par le fournisseur d’identité.";
    return redirect(`/connexion?erreur=${encodeURIComponent(msg)}`, { headers: { "Set-Cookie": clearFlow } });
  }
  try {
    const flow = parseCookies(request.headers.get("cookie"))[OIDC_COOKIE];
    const { cookie, returnTo } = await completeOidcSignIn(url, flow, getSession(context).sessionId);
    const headers = new Headers();
    headers.append("Set-Cookie", cookie);
    headers.append("Set-Cookie", clearFlow);
    return redirect(safeReturnPath(returnTo), { headers });
  } catch (err) {
    runtime().log.warn("oidc callback failed", { err });
    const msg = "La connexion n’a pas abouti. Recommencez.";
    return redirect(`/connexion?erreur=${encodeURIComponent(msg)}`, { headers: { "Set-Cookie": clearFlow } });
  }
}
