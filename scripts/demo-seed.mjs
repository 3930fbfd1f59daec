// Seeds a demo workspace on an empty database so a newcomer can watch messages flow without any setup.
export const DEMO_PASSWORD = 'pocketdesk-demo';
export const DEMO_PHONE_NUMBER_ID = '106540352242922';

const agents = [
  { name: 'Ana Owner', email: 'ana@demo.pocketdesk', role: 'admin', languages: ['en', 'es'], skills: ['billing'] },
  { name: 'Ben Field', email: 'ben@demo.pocketdesk', role: 'agent', languages: ['en', 'es'], skills: ['technical'] },
  { name: 'Carla Lead', email: 'carla@demo.pocketdesk', role: 'manager', languages: ['en'], skills: ['billing', 'technical'] },
];

export const DEMO_TEMPLATES = [
  {
    name: 'welcome_back',
    language: 'en_US',
    category: 'utility',
    parameter_format: 'named',
    components: [{ type: 'BODY', text: 'Hi {{customer_name}}, thanks for getting back to us. How can we help?' }],
  },
  {
    name: 'order_update',
    language: 'en_US',
    category: 'utility',
    parameter_format: 'positional',
    components: [{ type: 'BODY', text: 'Your order {{1}} is now {{2}}.' }],
  },
  {
    name: 'order_shipped',
    language: 'en_US',
    category: 'utility',
    parameter_format: 'positional',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
      { type: 'BODY', text: 'Good news: it ships {{1}}.' },
    ],
  },
  {
    name: 'hello_world',
    language: 'en_US',
    category: 'utility',
    parameter_format: 'positional',
    components: [{ type: 'BODY', text: 'Hello from Pocketdesk!' }],
  },
  {
    name: 'seguimiento_pedido',
    language: 'es',
    category: 'utility',
    parameter_format: 'positional',
    components: [{ type: 'BODY', text: 'Tu pedido {{1}} está en camino.' }],
  },
  // The satisfaction survey once the 24-hour window has closed (the channel's default survey template); the same
  // texts as src/lib/domain/csat/csat-template.ts, which the simulator draws (a unit test keeps them equal).
  {
    name: 'csat_request',
    language: 'en_US',
    category: 'utility',
    parameter_format: 'positional',
    components: [
      { type: 'BODY', text: 'How would you rate the help you got from us? Tap an answer, or reply with a number from 1 (very bad) to 5 (excellent).' },
      { type: 'BUTTONS', buttons: ['1 – Very bad', '2 – Bad', '3 – Okay', '4 – Good', '5 – Excellent'].map((text) => ({ type: 'QUICK_REPLY', text })) },
    ],
  },
  {
    name: 'csat_request',
    language: 'es',
    category: 'utility',
    parameter_format: 'positional',
    components: [
      { type: 'BODY', text: '¿Cómo valorarías la atención que te dimos? Toca una respuesta o contesta con un número del 1 (muy mal) al 5 (excelente).' },
      { type: 'BUTTONS', buttons: ['1 – Muy mal', '2 – Mal', '3 – Regular', '4 – Bien', '5 – Excelente'].map((text) => ({ type: 'QUICK_REPLY', text })) },
    ],
  },
];

const cannedReplies = [
  { shortcut: 'thanks', title: 'Thanks', body: 'Thanks {{customer_name}}! Is there anything else I can help you with?' },
  { shortcut: 'hours', title: 'Opening hours', body: 'We are open Monday to Friday, 9:00–18:00.' },
  { shortcut: 'gracias', title: 'Gracias', body: '¡Gracias {{customer_name}}! ¿Te puedo ayudar con algo más?', language: 'es' },
];

const labels = [
  { name: 'refund', color: '#c2410c' },
  { name: 'order', color: '#1d4ed8' },
  { name: 'bug', color: '#b91c1c' },
  { name: 'vip', color: '#a16207' },
];

async function create(url, token, collection, data) {
  const response = await fetch(`${url}/api/collections/${collection}/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify(data),
  });
  if (!response.ok) throw new Error(`demo seed: ${collection}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Seeds the demo only when no agent exists yet; returns the demo logins, or null when it did nothing. */
export async function seedDemo(url, token) {
  const existing = await fetch(`${url}/api/collections/agents/records?perPage=1`, { headers: { authorization: token } }).then((r) => r.json());
  if (existing.totalItems > 0) return null;
  const support = await create(url, token, 'teams', { name: 'Support', description: 'Everyday questions, orders and technical problems' });
  const billing = await create(url, token, 'teams', { name: 'Billing', description: 'Refunds and invoices' });
  const created = [];
  for (const agent of agents) {
    const record = await create(url, token, 'agents', {
      ...agent,
      password: DEMO_PASSWORD,
      passwordConfirm: DEMO_PASSWORD,
      status: 'online',
      teams: agent.role === 'manager' ? [support.id, billing.id] : [support.id],
      max_open: 10,
    });
    created.push(record);
  }
  const channel = await create(url, token, 'channels', {
    name: 'Demo shop',
    phone_number_id: DEMO_PHONE_NUMBER_ID,
    display_phone_number: '15550783881',
    waba_id: '102290129340398',
    timezone: 'Europe/Madrid',
    language: 'en',
    default_team: support.id,
    // The simulator plays the owner answering from the WhatsApp Business app (Coexistence): Ana is that owner.
    coexistence: true,
    coexistence_agent: created[0].id,
  });
  // The desk's own settings (Admin settings → Your business): the name heads the app and greets customers.
  const desk = await fetch(`${url}/api/collections/desk_settings/records/desksettings001`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ business_name: 'Demo shop', timezone: 'Europe/Madrid' }),
  });
  if (!desk.ok) throw new Error(`demo seed: desk_settings: ${desk.status} ${await desk.text()}`);
  for (const template of DEMO_TEMPLATES) await create(url, token, 'templates', { ...template, status: 'approved', channel: channel.id });
  for (const reply of cannedReplies) await create(url, token, 'canned_replies', reply);
  for (const label of labels) await create(url, token, 'labels', label);
  return agents.map(({ name, email, role }) => ({ name, email, role, password: DEMO_PASSWORD }));
}
