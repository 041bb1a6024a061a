// The calendar day of a moment as YYYY-MM-DD, the form every date field and every window check uses. UTC for
// now: the merchant's own time zone is not configurable yet (a return window ends at midnight UTC).
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
