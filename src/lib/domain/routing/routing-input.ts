import type { RoutingSettings } from '../../schemas/routing';
import type { IntentInput } from './intent-routing';
import type { CustomerHistory } from '../signals/customer-history';

/** The shift state an agent sets; heartbeats never change it (see shouldMarkAway). */
export type ShiftStatus = 'online' | 'away' | 'offline';

/** An agent as routing sees it; times are epoch ms. */
export interface RoutingAgent {
  id: string;
  status: ShiftStatus;
  /** After this instant an online agent gets nothing new; null when the shift has no set end. */
  shiftEndsAt: number | null;
  teams: readonly string[];
  skills: readonly string[];
  /** Languages count as skills: a rule requiring `es` accepts an agent who lists `es` here. */
  languages: readonly string[];
  /** null means the channel's `capacity.defaultMaxOpen`. */
  maxOpen: number | null;
  openCount: number;
  lastAssignedAt: number | null;
  lastMessageAt: number | null;
  /** Has a shift schedule and is off: not coming back soon, so keep-owner gives way to a cover. */
  offShift?: boolean;
  /** The desk's only active person: assignable whatever their status (see soleAgentOf). */
  soleAgent?: boolean;
}

export interface RoutingConversation {
  id: string;
  channelId: string;
  firstMessageText: string;
  createdAt: number;
  lastInboundAt: number | null;
  previousEscalations: number;
  labels: readonly string[];
  /** Predictive signals from the customer's past (issue #20); absent: nothing known. */
  history?: CustomerHistory;
}

export interface RoutingContact {
  id: string;
  ownerId: string | null;
  /** Never chatted with this channel before. */
  isNew: boolean;
  vip: boolean;
  labels: readonly string[];
  /** A language already known for the contact wins over detection. */
  language: string | null;
  /** Custom attributes plus any contact field a rule may test, by name. */
  attributes: Readonly<Record<string, unknown>>;
}

export interface RoutingInput {
  conversation: RoutingConversation;
  contact: RoutingContact;
  agents: readonly RoutingAgent[];
  settings: RoutingSettings;
  /** From the business-hours module, for the channel's time zone. */
  insideBusinessHours: boolean;
  /** Minutes since local midnight in the channel's time zone, 0..1439. */
  localMinutes: number;
  /** Agents who declined or let lapse an offer of this conversation; nobody is offered it twice in a row. */
  declinedAgentIds?: readonly string[];
  /**
   * An escalation's target team: the conversation goes to this team whatever the rules, the branches or the default
   * team say, and a rule naming an agent does not pull it back out.
   */
  escalationTeamId?: string | null;
  /** The active intent model's prediction for the opening message (hybrid routing); none when the model is off. */
  intent?: IntentInput | null;
}
