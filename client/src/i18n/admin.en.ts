/** The admin and team screens' strings (issue 8), merged into the English catalogue. */
export const adminEn = {
  'nav.admin': 'Admin',

  'orderList.filters': 'Filter orders',
  'orderList.searchLabel': 'Search',
  'orderList.allStatuses': 'All statuses',
  'orderList.year': 'Year',
  'orderList.anyYear': 'Any year',
  'orderList.manager': 'Manager',
  'orderList.anyManager': 'Anyone',
  'orderList.reset': 'Reset filters',
  'orderList.columns': 'Columns shown',
  'orderList.products': 'Products',
  'orderList.quantity': 'Quantity',
  'orderList.paymentStatus': 'Payment',
  'orderList.loading': 'Loading orders',
  'orderList.empty': 'No orders match these filters.',
  'orderList.openOrder': 'Open order #{number}',
} as const;
