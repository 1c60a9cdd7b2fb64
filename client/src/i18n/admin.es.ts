import type { adminEn } from './admin.en';

/** Typed against the English admin keys: a missing or extra key is a compile error. */
export const adminEs: Record<keyof typeof adminEn, string> = {
  'nav.admin': 'Administración',

  'orderList.filters': 'Filtrar pedidos',
  'orderList.searchLabel': 'Buscar',
  'orderList.allStatuses': 'Todos los estados',
  'orderList.year': 'Año',
  'orderList.anyYear': 'Cualquier año',
  'orderList.manager': 'Gestor',
  'orderList.anyManager': 'Cualquiera',
  'orderList.reset': 'Quitar filtros',
  'orderList.columns': 'Columnas visibles',
  'orderList.products': 'Productos',
  'orderList.quantity': 'Cantidad',
  'orderList.paymentStatus': 'Pago',
  'orderList.loading': 'Cargando pedidos',
  'orderList.empty': 'Ningún pedido coincide con estos filtros.',
  'orderList.openOrder': 'Abrir el pedido #{number}',
};
