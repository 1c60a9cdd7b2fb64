import { countUsers, createUser } from '../modules/users/users.service.js';

export const demoPassword = 'callboard-demo';

/** On an empty database, fills in believable demo data and returns the sign-in details to print. */
export async function seedDemoData(): Promise<string | null> {
  if ((await countUsers()) > 0) return null;
  const staff = [
    { email: 'ana.admin@callboard.test', name: 'Ana García', role: 'admin' as const },
    { email: 'lars.admin@callboard.test', name: 'Lars Nielsen', role: 'admin' as const },
    { email: 'marta@callboard.test', name: 'Marta López', role: 'manager' as const },
    { email: 'jonas@callboard.test', name: 'Jonas Holm', role: 'manager' as const },
    { email: 'lucia@callboard.test', name: 'Lucía Fernández', role: 'manager' as const },
    { email: 'peter@callboard.test', name: 'Peter Madsen', role: 'manager' as const },
  ];
  for (const s of staff) await createUser({ ...s, password: demoPassword });
  return [
    'Demo data created. Sign in with any of these (password: ' + demoPassword + '):',
    ...staff.map((s) => `  ${s.role.padEnd(8)} ${s.email}`),
  ].join('\n');
}
