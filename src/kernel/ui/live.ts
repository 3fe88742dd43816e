import { useEffect } from "react";
import { useNavigation, useRevalidator } from "react-router";

/**
 * Re-runs the page's loaders every `everyMs` while the tab is visible and the user
 * is not submitting: live figures with JavaScript; without it, the page is as of its load.
 */
export function useLiveRevalidation(everyMs: number, enabled = true): void {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && navigation.state === "idle" && revalidator.state === "idle") void revalidator.revalidate();
    }, everyMs);
    return () => clearInterval(timer);
  }, [enabled, everyMs, navigation.state, revalidator]);
}
