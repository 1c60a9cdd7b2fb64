import type { OrderStatus, Settings, Template } from '@callboard/shared';

/**
 * The template a status change e-mails, chosen as the server chooses it: the one the settings
 * name for this status, else the status's default in the settings' language, else in another.
 */
export function statusLetterTemplate(
  templates: readonly Template[],
  settings: Settings,
  status: OrderStatus,
): Template | null {
  const chosenId = settings.statusEmails[status]?.templateId;
  const chosen = chosenId ? templates.find((x) => x.id === chosenId) : undefined;
  if (chosen) return chosen;
  const defaults = templates.filter((x) => x.status === status);
  return defaults.find((x) => x.locale === settings.defaultLocale) ?? defaults[0] ?? null;
}

/** Whether the customer is e-mailed when the admin does not say: the settings for that status. */
export function notifiesClientByDefault(settings: Settings, status: OrderStatus): boolean {
  return settings.statusEmails[status]?.notifyClient ?? false;
}
