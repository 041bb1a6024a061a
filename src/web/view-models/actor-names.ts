// Who acted, as people read the timeline: an agent by the name the desk knows them by (the users page, `intake users
// add --name`), else by their e-mail; the pipeline and the customer by their role's word. The audit trail itself keeps
// `agent:<email>`, which stays true when a person is renamed or leaves.
import type { User } from '../../domain/ports/users.ts';

export interface ActorLabel {
  /** The person's name or e-mail; null for `system` and `customer`, which the page words in its language. */
  actorName: string | null;
  /** An agent's e-mail, on hover beside their name. */
  actorEmail: string | null;
}

export function actorLabels(users: readonly Pick<User, 'email' | 'name'>[]): (actor: string) => ActorLabel {
  const names = new Map(users.map((user) => [user.email.toLowerCase(), user.name]));
  return (actor) => {
    const email = /^agent:(.+)$/.exec(actor)?.[1];
    if (email === undefined) return { actorName: null, actorEmail: null };
    return { actorName: names.get(email.toLowerCase()) || email, actorEmail: email };
  };
}
