import type { RoutingAgent } from './routing-input';

export type Availability = 'assignable' | 'offline' | 'away' | 'shift-ended';

/**
 * Phones background the PWA and drop heartbeats for minutes at a time, so silence alone only marks an agent
 * away after hours; a short timeout would bounce conversations between agents who are in fact at work.
 */
export const DEFAULT_AWAY_AFTER_SILENCE_MS = 4 * 60 * 60 * 1000;

/** Whether an agent may receive new conversations now: online, with the shift (if it has an end) still running. */
export function availabilityOf(agent: Pick<RoutingAgent, 'status' | 'shiftEndsAt' | 'soleAgent'>, now: number): Availability {
  // A one-person shop: nobody else could answer, so its owner takes every conversation, online or not (and a push).
  if (agent.soleAgent === true) return 'assignable';
  if (agent.status === 'away') return 'away';
  if (agent.status !== 'online') return 'offline';
  if (agent.shiftEndsAt !== null && agent.shiftEndsAt <= now) return 'shift-ended';
  return 'assignable';
}

/** True when the agent takes new conversations now. */
export function isAssignable(agent: Pick<RoutingAgent, 'status' | 'shiftEndsAt' | 'soleAgent'>, now: number): boolean {
  return availabilityOf(agent, now) === 'assignable';
}

/** The most open conversations the agent may hold. */
export function capacityOf(agent: Pick<RoutingAgent, 'maxOpen'>, defaultMaxOpen: number): number {
  // PocketBase stores an empty number field as 0, so anything below 1 means "not set".
  return agent.maxOpen !== null && agent.maxOpen >= 1 ? agent.maxOpen : defaultMaxOpen;
}

/** True when the agent can take one more conversation without exceeding capacity. */
export function hasRoom(agent: Pick<RoutingAgent, 'maxOpen' | 'openCount'>, defaultMaxOpen: number): boolean {
  return agent.openCount < capacityOf(agent, defaultMaxOpen);
}

/** Whether an online agent's heartbeats have been silent long enough to set them away; never seen means no evidence. */
export function shouldMarkAway(lastSeen: number | null, now: number, silenceMs: number = DEFAULT_AWAY_AFTER_SILENCE_MS): boolean {
  return lastSeen !== null && now - lastSeen >= silenceMs;
}

/** True when the agent lists the skill, or speaks it as a language; compared case-insensitively. */
export function hasSkill(agent: Pick<RoutingAgent, 'skills' | 'languages'>, skill: string): boolean {
  // Runs per agent per decision: the exact, native lookup settles nearly every case before any lower-casing,
  // which allocates and is slow in the hooks' interpreter.
  if (agent.skills.indexOf(skill) >= 0 || agent.languages.indexOf(skill) >= 0) return true;
  const wanted = skill.toLowerCase();
  return listsWord(agent.skills, wanted) || listsWord(agent.languages, wanted);
}

function listsWord(list: readonly string[], wanted: string): boolean {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (item.length === wanted.length && item.toLowerCase() === wanted) return true;
  }
  return false;
}

/** A person on the desk as eligibility sees them: API-key accounts and deactivated people are not `active`. */
export interface DeskPerson {
  id: string;
  active: boolean;
}

/** The desk's only active person (a one-person shop), or null when there are none or several. */
export function soleAgentOf(people: readonly DeskPerson[]): string | null {
  let sole: string | null = null;
  for (const person of people) {
    if (!person.active) continue;
    if (sole !== null) return null;
    sole = person.id;
  }
  return sole;
}
