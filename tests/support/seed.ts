// Builds a small workspace through the API, the way an admin would: teams, a channel, agents.
import type { Api } from './api';

export const CHANNEL_PNID = '106540352242922';
export const PASSWORD = 'agent-password-123';

export interface AgentSpec {
  name: string;
  role?: 'agent' | 'manager' | 'admin';
  status?: 'online' | 'away' | 'offline';
  teams?: string[];
  max_open?: number;
  skills?: string[];
  languages?: string[];
}

export async function createTeam(api: Api, name: string): Promise<string> {
  const response = await api.create('teams', { name });
  if (response.status !== 200) throw new Error(`team: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

export async function createChannel(api: Api, data: Record<string, unknown> = {}): Promise<string> {
  const response = await api.create('channels', {
    name: 'Shop',
    phone_number_id: CHANNEL_PNID,
    display_phone_number: '15550783881',
    timezone: 'UTC',
    waba_id: '102290129340398',
    ...data,
  });
  if (response.status !== 200) throw new Error(`channel: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

export async function createAgent(api: Api, spec: AgentSpec): Promise<{ id: string; email: string }> {
  const email = `${spec.name.toLowerCase().replace(/\W+/g, '.')}@pocketdesk.test`;
  const response = await api.create('agents', {
    email,
    password: PASSWORD,
    passwordConfirm: PASSWORD,
    name: spec.name,
    role: spec.role ?? 'agent',
    status: spec.status ?? 'online',
    teams: spec.teams ?? [],
    max_open: spec.max_open ?? 10,
    skills: spec.skills ?? [],
    languages: spec.languages ?? [],
  });
  if (response.status !== 200) throw new Error(`agent: ${JSON.stringify(response.body)}`);
  return { id: response.body.id, email };
}
