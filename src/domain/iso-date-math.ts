// Calendar arithmetic on `YYYY-MM-DD` days, with no time zone: UTC midnights make it exact.
export function addIsoDays(day: string, days: number): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a YYYY-MM-DD day: ${day}`);
  return new Date(ms + days * 86_400_000).toISOString().slice(0, 10);
}
