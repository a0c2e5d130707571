/**
 * What the current user may see. amoCRM answers lists "in accordance with the user's rights"
 * (reference §3, §7): a manager with leads view right M sees own leads, G the leads of the
 * group's members, A everything; events of leads they cannot see are left out too.
 */
import type { DemoAccount, DemoEvent, DemoLead, DemoUser } from '../demo/types';

export type LeadVisibility = (lead: DemoLead) => boolean;

export function leadVisibility(account: DemoAccount, user: DemoUser): LeadVisibility {
  switch (user.leads_view) {
    case 'A':
      return () => true;
    case 'M':
      return lead => lead.responsible_user_id === user.id;
    case 'G': {
      const groupOf = new Map(account.users.map(member => [member.id, member.group_id]));
      // A lead whose responsible user left the account keeps the group stored on the lead.
      return lead => (groupOf.get(lead.responsible_user_id) ?? lead.group_id) === user.group_id;
    }
  }
}

export type EventVisibility = (event: DemoEvent) => boolean;

const leadIndexes = new WeakMap<DemoAccount, ReadonlyMap<number, DemoLead>>();

/** Leads by id, built once per account object. */
export function leadIndex(account: DemoAccount): ReadonlyMap<number, DemoLead> {
  let index = leadIndexes.get(account);
  if (index === undefined) {
    index = new Map(account.leads.map(lead => [lead.id, lead]));
    leadIndexes.set(account, index);
  }
  return index;
}

/** Events of a lead follow that lead; an event whose lead is unknown only an A-user sees. */
export function eventVisibility(account: DemoAccount, user: DemoUser): EventVisibility {
  if (user.leads_view === 'A') return () => true;
  const canSee = leadVisibility(account, user);
  const leads = leadIndex(account);
  return event => {
    const lead = leads.get(event.entity_id);
    return lead !== undefined && canSee(lead);
  };
}

/**
 * What the user may change (`rights.leads.edit`): A every lead, G the leads of the group's
 * members, M their own, D none; an administrator every lead. amoCRM answers a write to any other
 * lead with 403.
 */
export function leadEditability(account: DemoAccount, user: DemoUser): LeadVisibility {
  const edit = user.is_admin ? 'A' : (user.leads_edit ?? user.leads_view);
  if (edit === 'D') return () => false;
  return leadVisibility(account, { ...user, leads_view: edit });
}
