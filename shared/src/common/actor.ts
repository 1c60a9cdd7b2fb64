/** Who or what did something: a staff member, the scheduler, the shop's intake API, or the customer on their order page. */
export type ActorType = 'user' | 'scheduler' | 'intake' | 'customer';
export type Actor = { type: ActorType; id: string | null; name: string };

export function userActor(user: { id: string; name: string }): Actor {
  return { type: 'user', id: user.id, name: user.name };
}
