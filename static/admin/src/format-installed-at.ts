const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

/**
 * How the admin page shows the installation time: a localised date and time,
 * "Not yet installed" when there is none, and the raw text if it is not a date.
 */
export function formatInstalledAt(installedAt: string | null): string {
  if (installedAt === null) return 'Not yet installed';
  const date = new Date(installedAt);
  return Number.isNaN(date.getTime()) ? installedAt : dateFormat.format(date);
}
