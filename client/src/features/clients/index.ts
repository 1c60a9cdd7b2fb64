// A client's details as other screens show them beside an order or a task.
export { useGetClientQuery } from './api/clients-api';
export { ClientCallsList } from './components/ClientCallsList';
export { ClientContacts } from './components/ClientContacts';
export { ClientEditButton } from './components/ClientEditButton';
export { ClientLocalTime } from './components/ClientLocalTime';
export { ClientNotes } from './components/ClientNotes';
export { ClientOrdersList } from './components/ClientOrdersList';
