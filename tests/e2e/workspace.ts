// What global setup seeds beyond people (templates, canned replies, labels), and per-test teams and colleagues.
import { Api } from '../support/api';
import { createAgent, createTeam, PASSWORD, type AgentSpec } from '../support/seed';
import { customerWrites } from './customers';

export const TEMPLATE = {
  name: 'order_ready',
  language: 'en',
  body: 'Hi {{customer_name}}, your order {{order_id}} is ready for pickup.',
};
export const CANNED = { shortcut: 'thanks', title: 'Thank the customer', body: 'Thanks for waiting, {{customer_name}}! {{agent_name}} will sort this out.' };
export const LABELS = ['billing', 'urgent'];

/** Templates (one approved, one not), a canned reply and labels, as an admin would set them up. */
export async function seedReferenceData(api: Api): Promise<void> {
  const created = await Promise.all([
    api.create('templates', {
      name: TEMPLATE.name,
      language: TEMPLATE.language,
      category: 'utility',
      parameter_format: 'named',
      status: 'approved',
      components: [{ type: 'BODY', text: TEMPLATE.body }],
    }),
    api.create('templates', {
      name: 'spring_sale',
      language: 'en',
      category: 'marketing',
      parameter_format: 'positional',
      status: 'pending',
      components: [{ type: 'BODY', text: 'Sale on {{1}}' }],
    }),
    api.create('canned_replies', CANNED),
    ...LABELS.map((name) => api.create('labels', { name })),
  ]);
  const failed = created.find((response) => response.status !== 200);
  if (failed) throw new Error(`seed: ${failed.status} ${JSON.stringify(failed.body)}`);
}

export interface Person {
  id: string;
  email: string;
  password: string;
  name: string;
}

let counter = 0;

/** A fresh team and its people for one test, with names no other test uses. */
export async function freshTeam(
  api: Api,
  people: Record<string, Omit<AgentSpec, 'name' | 'teams'> & { inTeam?: boolean }>,
): Promise<{ teamId: string } & Record<string, Person>> {
  counter += 1;
  const tag = `${Date.now() % 100_000}${counter}`;
  const teamId = await createTeam(api, `Team ${tag}`);
  const result: Record<string, Person> = {};
  for (const [key, { inTeam = true, ...spec }] of Object.entries(people)) {
    const name = `${key[0]!.toUpperCase()}${key.slice(1)} ${tag}`;
    const agent = await createAgent(api, { ...spec, name, teams: inTeam ? [teamId] : [] });
    result[key] = { ...agent, password: PASSWORD, name };
  }
  return { teamId, ...result } as { teamId: string } & Record<string, Person>;
}

/**
 * A customer waiting in a team's queue: routing first gives them to whoever is online, so the conversation is
 * then moved to the team, unassigned, with no usual agent (who would otherwise get it straight back).
 */
export async function queuedConversation(api: Api, teamId: string, name: string, text: string): Promise<string> {
  const { conversationId } = await customerWrites(api, { name, text });
  const conversation = (await api.view('conversations', conversationId)).body;
  const cleared = await api.update('contacts', conversation.contact, { owner: '' });
  const moved = await api.update('conversations', conversationId, { assignee: '', team: teamId });
  if (cleared.status !== 200 || moved.status !== 200) throw new Error(`queue: ${JSON.stringify([cleared.body, moved.body])}`);
  return conversationId;
}

/** A customer's conversation in a team, assigned to one of its agents (on the shop's channel, or the one of `pnid`). */
export async function teamConversation(api: Api, teamId: string, agentId: string, name: string, text: string, pnid?: string): Promise<string> {
  const { conversationId } = await customerWrites(api, { name, text, pnid });
  const moved = await api.update('conversations', conversationId, { assignee: agentId, team: teamId });
  if (moved.status !== 200) throw new Error(`assign: ${JSON.stringify(moved.body)}`);
  return conversationId;
}
