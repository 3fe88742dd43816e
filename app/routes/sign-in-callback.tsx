import { redirect } from "react-router";
import type { Route } from "./+types/sign-in-callback";
import { runtime } from "~/kernel/runtime";
import { getSession } from "~/kernel/http/context";
import { OIDC_COOKIE } from "~/kernel/auth/oidc";
import { parseCookies, serializeCookie } from "~/kernel/auth/sessions";
import { completeOidcSignIn } from "~/accounts/sign-in";
import { safeReturnPath, signInErrorPath } from "~/web/auth";

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const clearFlow = serializeCookie(OIDC_COOKIE, "", { maxAge: 0 });
  if (url.searchParams.get("error")) {
    return redirect(signInErrorPath("interrompue"), { headers: { "Set-Cookie": clearFlow } });
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
    return redirect(signInErrorPath("echec"), { headers: { "Set-Cookie": clearFlow } });
  }
}
