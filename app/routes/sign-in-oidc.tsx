import { redirect } from "react-router";
import type { Route } from "./+types/sign-in-oidc";
import { runtime } from "~/kernel/runtime";
import { startSignIn } from "~/kernel/auth/oidc";
import { safeReturnPath, signInErrorPath } from "~/web/auth";

export async function loader({ request }: Route.LoaderArgs) {
  if (!runtime().config.oidc) return redirect("/connexion");
  const returnTo = safeReturnPath(new URL(request.url).searchParams.get("retour"));
  try {
    const { url, cookie } = await startSignIn(returnTo);
    return redirect(url, { headers: { "Set-Cookie": cookie } });
  } catch (err) {
    runtime().log.error("oidc start failed", { err });
    return redirect(signInErrorPath("indisponible"));
  }
}
