// An order's items as an editable table with the discount and a live total: the card and the call dialog's follow-up use it.
export { OrderItemsEditor } from './components/OrderItemsEditor';
export { amountOf, checkItemsDraft, itemsDraftOf, type ItemsDraft, type ItemsValue } from './item-drafts';
