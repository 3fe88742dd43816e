/**
 * Who may read or delete an account's personal data: only its holder. The lab team, an
 * administrator or a director may not (they ask the data protection officer, who acts on the
 * database under the controller's procedure).
 */
export interface PrivacyRights {
  mayReadPersonalData: boolean;
  mayDeleteAccount: boolean;
}

export function privacyRights(viewer: { userId: string } | null | undefined, accountId: string): PrivacyRights {
  const self = !!viewer && viewer.userId.length > 0 && viewer.userId === accountId;
  return { mayReadPersonalData: self, mayDeleteAccount: self };
}
