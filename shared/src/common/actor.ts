/** Who or what did something: a staff member, the scheduler, or the shop's intake API. */
export type ActorType = 'user' | 'scheduler' | 'intake';
export type Actor = { type: ActorType; id: string | null; name: string };

export function userActor(user: { id: string; name: string }): Actor {
  return { type: 'user', id: user.id, name: user.name };
}
