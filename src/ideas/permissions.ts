import { hasRole, type Principal } from "../kernel/permissions";
import type { Idea, IdeaCoauthor } from "./ideas";

export interface IdeaRights {
  isAuthor: boolean;
  isCoauthor: boolean;
  canView: boolean;
  canEdit: boolean;
  canModerate: boolean;
  canComment: boolean;
  canSupport: boolean;
}

/**
 * Who may do what with an idea. Drafts are seen by their authors only; hidden
 * ideas by their authors and the lab team; editing is open to authors while the
 * campaign takes ideas.
 */
export function ideaRights(
  idea: Pick<Idea, "author_id" | "status" | "hidden_at" | "lab_id">,
  coauthors: Pick<IdeaCoauthor, "user_id" | "status">[],
  viewer: { userId: string; principal: Principal } | null,
  campaignOpen: boolean,
): IdeaRights {
  const uid = viewer?.userId;
  const isAuthor = !!uid && idea.author_id === uid;
  const isCoauthor = !!uid && coauthors.some((c) => c.user_id === uid && c.status === "confirmed");
  const canModerate = !!viewer && hasRole(viewer.principal, idea.lab_id, "lab_team");
  const owner = isAuthor || isCoauthor;
  const canView = !!viewer && (owner || (idea.status !== "draft" && (!idea.hidden_at || canModerate)));
  const canEdit = owner && campaignOpen && (idea.status === "draft" || idea.status === "submitted") && !idea.hidden_at;
  // a merged idea stays readable, but its supports and comments now go to the idea that absorbed it
  const published = idea.status !== "draft" && idea.status !== "merged" && !idea.hidden_at;
  return {
    isAuthor,
    isCoauthor,
    canView,
    canEdit,
    canModerate,
    canComment: !!viewer && published,
    canSupport: !!viewer && published && !owner,
  };
}
