import type { CoreKey } from './en';

/** MUI's own texts (pagination, pickers) in Spanish, loaded with the rest of the language. */
export { esES as muiEs } from '@mui/material/locale';

/** Typed against the English keys: a missing or extra key is a compile error. */
export const es: Record<CoreKey, string> = {
  'nav.label': 'Principal',
  'nav.workbench': 'Puesto de llamadas',
  'nav.tasks': 'Mis tareas',
  'nav.orders': 'Pedidos',
  'nav.admin': 'Administración',
  'nav.signOut': 'Cerrar sesión',
  'prefs.language': 'Idioma',
  'prefs.dark': 'Modo oscuro',
  'prefs.light': 'Modo claro',
  'login.title': 'Entrar en Callboard',
  'login.email': 'Correo electrónico',
  'login.password': 'Contraseña',
  'login.submit': 'Entrar',
  'common.cancel': 'Cancelar',
  'common.save': 'Guardar',
  'common.saved': 'Guardado',
  'common.none': 'Nada todavía',
  'error.validation_failed': 'Algunos datos introducidos no son válidos.',
  'error.unauthorized': 'No ha iniciado sesión, o el correo o la contraseña no son correctos.',
  'error.forbidden': 'No tiene permiso para hacer esto.',
  'error.not_found': 'Esto ya no existe o el enlace es incorrecto.',
  'error.conflict': 'Esto choca con un cambio de otra persona. Recargue e inténtelo de nuevo.',
  'error.transition_not_allowed': 'El pedido no puede pasar a ese estado desde el actual.',
  'error.idempotency_conflict': 'Esta llamada ya se guardó con otros datos. Cierre el diálogo y vuelva a abrirlo.',
  'error.missing_variables': 'La carta usa variables sin valor para este pedido.',
  'error.payload_too_large': 'El archivo supera el límite de subida.',
  'error.unsupported_media_type': 'Este tipo de archivo no se acepta. Suba una grabación de audio.',
  'error.unprocessable': 'Esto no se puede hacer en el estado actual del pedido.',
  'error.too_many_requests': 'Demasiados intentos. Espere un minuto y vuelva a intentarlo.',
  'error.range_not_satisfiable': 'No se pudo leer la grabación desde esa posición.',
  'error.service_unavailable': 'El servidor no está listo (la base de datos puede estar caída). Inténtelo en breve.',
  'error.internal': 'Algo falló en el servidor. Se ha registrado; inténtelo de nuevo.',
  'error.network': 'No se puede contactar con el servidor. Compruebe la conexión e inténtelo de nuevo.',
  'error.unknown': 'Algo ha fallado.',
};
