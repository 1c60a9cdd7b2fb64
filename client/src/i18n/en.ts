import type { screensEn } from './screens.en';

/** The English catalogue is the reference: every other language must have exactly these keys. */
export const en = {
  'nav.label': 'Main',
  'nav.workbench': 'Workbench',
  'nav.tasks': 'My tasks',
  'nav.orders': 'Orders',
  'nav.admin': 'Admin',
  'nav.signOut': 'Sign out',
  'prefs.language': 'Language',
  'prefs.dark': 'Dark mode',
  'prefs.light': 'Light mode',
  'login.title': 'Sign in to Callboard',
  'login.email': 'E-mail',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.saved': 'Saved',
  'common.none': 'Nothing yet',
  'error.validation_failed': 'Some of what you entered is not valid.',
  'error.unauthorized': 'You are not signed in, or the e-mail or password is not right.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.not_found': 'This no longer exists, or the link is wrong.',
  'error.conflict': 'This clashes with a change someone else made. Reload and try again.',
  'error.transition_not_allowed': 'The order cannot move to that status from its current one.',
  'error.idempotency_conflict': 'This call was already saved with different details. Close the dialog and reopen it.',
  'error.missing_variables': 'The letter uses variables that have no value for this order.',
  'error.payload_too_large': 'The file is larger than the upload limit.',
  'error.unsupported_media_type': 'This type of file is not accepted. Upload an audio recording.',
  'error.unprocessable': 'This cannot be done in the order’s current state.',
  'error.too_many_requests': 'Too many attempts. Wait a minute and try again.',
  'error.range_not_satisfiable': 'The recording could not be read from that position.',
  'error.service_unavailable': 'The server is not ready (the database may be down). Try again shortly.',
  'error.internal': 'Something went wrong on the server. It has been logged; try again.',
  'error.network': 'The server cannot be reached. Check the connection and try again.',
  'error.unknown': 'Something went wrong.',
} as const;

export type CoreKey = keyof typeof en;
export type MessageKey = CoreKey | keyof typeof screensEn;
