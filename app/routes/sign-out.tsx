import { redirect } from "react-router";
import type { Route } from "./+types/sign-out";
import { getSession } from "~/kernel/http/context";
import { clearSessionCookie } from "~/kernel/auth/sessions";
import { signOut } from "~/accounts/sign-in";

export async function loader() {
  return redirect("/");
}

export async function action({ context }: Route.ActionArgs) {
  const s = getSession(context);
  const providerLogout = await signOut(s.sessionId);
  return redirect(providerLogout ?? "/", { headers: { "Set-Cookie": clearSessionCookie() } });
}
