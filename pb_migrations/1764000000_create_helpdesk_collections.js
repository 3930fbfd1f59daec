/// <reference path="../.pocketbase/types.d.ts" />
// The Pocketdesk data model: collections, fields, indexes and API rules.
// Collection and field names are the product's public data API; add, never rename.
// Self-contained on purpose: migrations run once, in order, and must not depend on the app bundle.

migrate(
  (app) => {
    // Who may see a conversation. Repeated inside messages/notes/routing_events via the `conversation.` prefix.
    const isAgent = '@request.auth.collectionName = "agents"';
    const isAdmin = `${isAgent} && @request.auth.role = "admin"`;
    const isStaff = `${isAgent} && (@request.auth.role = "admin" || @request.auth.role = "manager")`;
    const canSeeConversation = (p) =>
      `${isAgent} && (@request.auth.role = "admin"` +
      ` || ${p}assignee = @request.auth.id` +
      ` || (${p}assignee = "" && (${p}team = "" || @request.auth.teams.id ?= ${p}team))` +
      ` || (@request.auth.role = "manager" && @request.auth.teams.id ?= ${p}team))`;

    const text = (name, opts = {}) => ({ name, type: 'text', max: 5000, ...opts });
    const date = (name, opts = {}) => ({ name, type: 'date', ...opts });
    const num = (name, opts = {}) => ({ name, type: 'number', ...opts });
    const bool = (name) => ({ name, type: 'bool' });
    const json = (name, maxSize = 2_000_000) => ({ name, type: 'json', maxSize });
    const select = (name, values, opts = {}) => ({ name, type: 'select', values, maxSelect: 1, ...opts });
    const rel = (name, collectionId, opts = {}) => ({ name, type: 'relation', collectionId, maxSelect: 1, ...opts });
    const timestamps = [
      { name: 'created', type: 'autodate', onCreate: true, onUpdate: false },
      { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true },
    ];

    // The stock `users` collection allows public sign-up; a help desk has invited staff only.
    try {
      app.delete(app.findCollectionByNameOrId('users'));
    } catch (_) {
      // already gone
    }

    const teams = new Collection({
      id: 'pd_teams_000001',
      type: 'base',
      name: 'teams',
      listRule: isAgent,
      viewRule: isAgent,
      createRule: isAdmin,
      updateRule: isAdmin,
      deleteRule: isAdmin,
      fields: [text('name', { required: true, max: 100 }), text('description', { max: 1000 }), json('settings', 100_000), ...timestamps],
      indexes: ['CREATE UNIQUE INDEX idx_teams_name ON teams (name)'],
    });
    app.save(teams);

    const agents = new Collection({
      id: 'pd_agents_00001',
      type: 'auth',
      name: 'agents',
      listRule: isAgent,
      viewRule: isAgent,
      createRule: isAdmin,
      // Agents edit their own profile and shift state, never their role, teams, skills or capacity.
      updateRule:
        `${isAdmin} || (id = @request.auth.id && @request.body.role:isset = false && @request.body.teams:isset = false` +
        ' && @request.body.skills:isset = false && @request.body.max_open:isset = false)',
      deleteRule: isAdmin,
      manageRule: isAdmin,
      authRule: '',
      passwordAuth: { enabled: true, identityFields: ['email'] },
      fields: [
        text('name', { required: true, max: 100 }),
        select('role', ['agent', 'manager', 'admin'], { required: true }),
        select('status', ['online', 'away', 'offline']),
        date('last_seen'),
        date('shift_ends_at'),
        rel('teams', teams.id, { maxSelect: 50 }),
        json('skills', 10_000),
        json('languages', 10_000),
        num('max_open', { min: 1, max: 1000, onlyInt: true }),
        date('last_assigned_at'),
        json('preferences', 10_000),
        ...timestamps,
      ],
      indexes: ['CREATE INDEX idx_agents_status ON agents (status)'],
    });
    app.save(agents);

    const labels = new Collection({
      id: 'pd_labels_00001',
      type: 'base',
      name: 'labels',
      listRule: isAgent,
      viewRule: isAgent,
      createRule: isStaff,
      updateRule: isStaff,
      deleteRule: isStaff,
      fields: [text('name', { required: true, max: 50 }), text('color', { max: 20 }), ...timestamps],
      indexes: ['CREATE UNIQUE INDEX idx_labels_name ON labels (name)'],
    });
    app.save(labels);

    const channels = new Collection({
      id: 'pd_channels_001',
      type: 'base',
      name: 'channels',
      listRule: isAgent,
      viewRule: isAgent,
      createRule: isAdmin,
      updateRule: isAdmin,
      deleteRule: isAdmin,
      fields: [
        text('name', { required: true, max: 100 }),
        text('phone_number_id', { required: true, max: 64, pattern: '^[0-9]+$' }),
        text('display_phone_number', { max: 32 }),
        text('waba_id', { max: 64 }),
        // Per-number token for multi-account setups; hidden: never returned by the API.
        text('access_token', { max: 1000, hidden: true }),
        text('timezone', { max: 64 }),
        text('language', { max: 16 }),
        rel('default_team', teams.id),
        json('routing', 500_000),
        json('business_hours', 200_000),
        json('auto_replies', 200_000),
        bool('active'),
        ...timestamps,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_channels_phone_number_id ON channels (phone_number_id)'],
    });
    app.save(channels);

    const contacts = new Collection({
      id: 'pd_contacts_001',
      type: 'base',
      name: 'contacts',
      listRule: isAgent,
      viewRule: isAgent,
      createRule: isAgent,
      // Only admins pin a contact's owner.
      updateRule: `${isAgent} && (@request.body.owner:isset = false || @request.auth.role = "admin")`,
      deleteRule: isAdmin,
      fields: [
        text('wa_id', { max: 32 }),
        text('user_id', { max: 160 }),
        text('parent_user_id', { max: 160 }),
        text('username', { max: 100 }),
        text('name', { max: 200 }),
        text('profile_name', { max: 200 }),
        rel('owner', agents.id),
        rel('labels', labels.id, { maxSelect: 50 }),
        bool('vip'),
        text('language', { max: 16 }),
        bool('marketing_opt_out'),
        json('attributes', 100_000),
        date('last_inbound_at'),
        ...timestamps,
      ],
      indexes: [
        "CREATE UNIQUE INDEX idx_contacts_user_id ON contacts (user_id) WHERE user_id != ''",
        "CREATE UNIQUE INDEX idx_contacts_wa_id ON contacts (wa_id) WHERE wa_id != ''",
        'CREATE INDEX idx_contacts_name ON contacts (name)',
      ],
    });
    app.save(contacts);

    const conversationsId = 'pd_conversation';
    const conversations = new Collection({
      id: conversationsId,
      type: 'base',
      name: 'conversations',
      listRule: canSeeConversation(''),
      viewRule: canSeeConversation(''),
      createRule: null,
      // Agents change status and labels; ownership moves through the assignment routes, which check capacity.
      updateRule:
        `${canSeeConversation('')} && ((@request.body.assignee:isset = false && @request.body.team:isset = false)` +
        ' || @request.auth.role = "admin" || @request.auth.role = "manager")',
      deleteRule: isAdmin,
      fields: [
        rel('contact', contacts.id, { required: true }),
        rel('channel', channels.id, { required: true }),
        select('status', ['open', 'pending', 'resolved'], { required: true }),
        rel('assignee', agents.id),
        rel('team', teams.id),
        num('priority', { min: 0, max: 1000, onlyInt: true }),
        rel('labels', labels.id, { maxSelect: 50 }),
        date('last_inbound_at'),
        date('last_outbound_at'),
        date('last_message_at'),
        text('last_message_preview', { max: 200 }),
        num('unread_count', { min: 0, onlyInt: true }),
        date('first_response_at'),
        date('assigned_at'),
        date('resolved_at'),
        select('resolved_by', ['agent', 'bot', 'system']),
        num('reopen_count', { min: 0, onlyInt: true }),
        num('handover_count', { min: 0, onlyInt: true }),
        json('required_skills', 10_000),
        json('bot_state', 100_000),
        ...timestamps,
      ],
      indexes: [
        // One active ticket per customer and number; a second inbound message joins it.
        "CREATE UNIQUE INDEX idx_conversations_active ON conversations (contact, channel) WHERE status != 'resolved'",
        'CREATE INDEX idx_conversations_queue ON conversations (status, team, assignee, priority, last_inbound_at)',
        'CREATE INDEX idx_conversations_assignee ON conversations (assignee, status)',
        'CREATE INDEX idx_conversations_last_message ON conversations (last_message_at)',
      ],
    });
    app.save(conversations);

    const templates = new Collection({
      id: 'pd_templates_01',
      type: 'base',
      name: 'templates',
      listRule: isAgent,
      viewRule: isAgent,
      createRule: isAdmin,
      updateRule: isAdmin,
      deleteRule: isAdmin,
      fields: [
        text('name', { required: true, max: 512, pattern: '^[a-z0-9_]+$' }),
        text('language', { required: true, max: 16 }),
        select('category', ['marketing', 'utility', 'authentication'], { required: true }),
        select('parameter_format', ['named', 'positional'], { required: true }),
        json('components', 200_000),
        select('status', ['approved', 'pending', 'rejected', 'paused', 'disabled'], { required: true }),
        rel('channel', channels.id),
        ...timestamps,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_templates_name_language ON templates (name, language, channel)'],
    });
    app.save(templates);

    const messages = new Collection({
      id: 'pd_messages_001',
      type: 'base',
      name: 'messages',
      listRule: canSeeConversation('conversation.'),
      viewRule: canSeeConversation('conversation.'),
      // Agents queue outbound replies (client-chosen ids make offline retries idempotent); the hook checks the rest.
      createRule:
        `${canSeeConversation('conversation.')} && @request.body.direction = "out" && @request.body.author = @request.auth.id` +
        ' && (conversation.assignee = @request.auth.id || @request.auth.role = "admin" || @request.auth.role = "manager")',
      updateRule: null,
      deleteRule: null,
      fields: [
        rel('conversation', conversationsId, { required: true, cascadeDelete: true }),
        select('direction', ['in', 'out'], { required: true }),
        text('type', { required: true, max: 40 }),
        text('text', { max: 70_000 }),
        { name: 'media', type: 'file', maxSelect: 1, maxSize: 104_857_600, protected: true },
        text('media_id', { max: 200 }),
        text('media_mime', { max: 200 }),
        text('media_filename', { max: 500 }),
        num('media_size', { min: 0, onlyInt: true }),
        select('media_status', ['none', 'pending', 'stored', 'failed', 'too_large']),
        json('payload', 1_000_000),
        text('wamid', { max: 300 }),
        select('status', ['queued', 'sending', 'sent', 'delivered', 'read', 'played', 'failed', 'received'], { required: true }),
        num('error_code', { onlyInt: true }),
        text('error_title', { max: 500 }),
        text('error_reason', { max: 60 }),
        rel('author', agents.id),
        select('sender', ['customer', 'agent', 'bot', 'system']),
        text('context_wamid', { max: 300 }),
        bool('forwarded'),
        bool('frequently_forwarded'),
        json('reactions', 100_000),
        rel('template', templates.id),
        json('template_params', 100_000),
        json('pricing', 10_000),
        date('sent_at'),
        date('delivered_at'),
        date('read_at'),
        date('timestamp'),
        num('attempts', { min: 0, onlyInt: true }),
        date('next_attempt_at'),
        text('claimed_by', { max: 100 }),
        date('claimed_until'),
        bool('marked_read'),
        ...timestamps,
      ],
      indexes: [
        "CREATE UNIQUE INDEX idx_messages_wamid ON messages (wamid) WHERE wamid != ''",
        'CREATE INDEX idx_messages_conversation ON messages (conversation, created)',
        'CREATE INDEX idx_messages_outbox ON messages (status, next_attempt_at)',
        'CREATE INDEX idx_messages_media ON messages (media_status)',
      ],
    });
    app.save(messages);

    const notes = new Collection({
      id: 'pd_notes_000001',
      type: 'base',
      name: 'notes',
      listRule: canSeeConversation('conversation.'),
      viewRule: canSeeConversation('conversation.'),
      createRule: `${canSeeConversation('conversation.')} && @request.body.author = @request.auth.id`,
      updateRule: `${isAgent} && author = @request.auth.id && @request.body.author:isset = false && @request.body.conversation:isset = false`,
      deleteRule: `${isAgent} && author = @request.auth.id`,
      fields: [
        rel('conversation', conversationsId, { required: true, cascadeDelete: true }),
        rel('author', agents.id, { required: true }),
        text('body', { required: true, max: 10_000 }),
        rel('mentions', agents.id, { maxSelect: 50 }),
        ...timestamps,
      ],
      indexes: ['CREATE INDEX idx_notes_conversation ON notes (conversation, created)'],
    });
    app.save(notes);

    const cannedReplies = new Collection({
      id: 'pd_canned_00001',
      type: 'base',
      name: 'canned_replies',
      listRule: isAgent,
      viewRule: isAgent,
      createRule: isStaff,
      updateRule: isStaff,
      deleteRule: isStaff,
      fields: [
        text('shortcut', { required: true, max: 50, pattern: '^[a-z0-9_-]+$' }),
        text('title', { max: 200 }),
        text('body', { required: true, max: 4096 }),
        text('language', { max: 16 }),
        ...timestamps,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_canned_replies_shortcut ON canned_replies (shortcut)'],
    });
    app.save(cannedReplies);

    const webhookEvents = new Collection({
      id: 'pd_webhook_evts',
      type: 'base',
      name: 'webhook_events',
      listRule: isAdmin,
      viewRule: isAdmin,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        // Meta offers no way to re-fetch a webhook: the exact bytes are kept for audit and replay.
        text('raw', { max: 3_200_000 }),
        text('body_hash', { required: true, max: 64 }),
        select('status', ['processed', 'unknown_channel', 'unsupported', 'failed'], { required: true }),
        json('fields', 10_000),
        json('phone_number_ids', 10_000),
        json('summary', 100_000),
        text('error', { max: 2000 }),
        ...timestamps,
      ],
      indexes: [
        'CREATE UNIQUE INDEX idx_webhook_events_body_hash ON webhook_events (body_hash)',
        'CREATE INDEX idx_webhook_events_status ON webhook_events (status, created)',
      ],
    });
    app.save(webhookEvents);

    const routingEvents = new Collection({
      id: 'pd_routing_evts',
      type: 'base',
      name: 'routing_events',
      listRule: canSeeConversation('conversation.'),
      viewRule: canSeeConversation('conversation.'),
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        rel('conversation', conversationsId, { required: true, cascadeDelete: true }),
        text('trigger', { max: 40 }),
        rel('agent', agents.id),
        rel('team', teams.id),
        text('outcome', { max: 40 }),
        text('reason', { max: 200 }),
        text('rule', { max: 200 }),
        text('algorithm', { max: 40 }),
        json('candidates', 500_000),
        json('excluded', 500_000),
        rel('actor', agents.id),
        ...timestamps,
      ],
      indexes: ['CREATE INDEX idx_routing_events_conversation ON routing_events (conversation, created)'],
    });
    app.save(routingEvents);

    const notifications = new Collection({
      id: 'pd_notification',
      type: 'base',
      name: 'notifications',
      listRule: `${isAgent} && agent = @request.auth.id`,
      viewRule: `${isAgent} && agent = @request.auth.id`,
      createRule: null,
      updateRule: `${isAgent} && agent = @request.auth.id && @request.body.agent:isset = false && @request.body.status:isset = false`,
      deleteRule: null,
      fields: [
        rel('agent', agents.id, { required: true, cascadeDelete: true }),
        rel('conversation', conversationsId, { cascadeDelete: true }),
        select('kind', ['assigned', 'handover', 'escalated', 'mention', 'message', 'offer', 'sla'], { required: true }),
        text('title', { max: 200 }),
        text('body', { max: 500 }),
        select('status', ['pending', 'sent', 'failed', 'stale'], { required: true }),
        num('attempts', { min: 0, onlyInt: true }),
        date('next_attempt_at'),
        date('read_at'),
        ...timestamps,
      ],
      indexes: ['CREATE INDEX idx_notifications_outbox ON notifications (status, next_attempt_at)', 'CREATE INDEX idx_notifications_agent ON notifications (agent, created)'],
    });
    app.save(notifications);

    const pushSubscriptions = new Collection({
      id: 'pd_push_subs_01',
      type: 'base',
      name: 'push_subscriptions',
      listRule: `${isAgent} && agent = @request.auth.id`,
      viewRule: `${isAgent} && agent = @request.auth.id`,
      createRule: `${isAgent} && @request.body.agent = @request.auth.id`,
      updateRule: `${isAgent} && agent = @request.auth.id && @request.body.agent:isset = false`,
      deleteRule: `${isAgent} && agent = @request.auth.id`,
      fields: [
        rel('agent', agents.id, { required: true, cascadeDelete: true }),
        text('endpoint', { required: true, max: 2000 }),
        text('p256dh', { required: true, max: 200 }),
        text('auth', { required: true, max: 100 }),
        text('user_agent', { max: 500 }),
        date('last_success_at'),
        ...timestamps,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_push_subscriptions_endpoint ON push_subscriptions (endpoint)'],
    });
    app.save(pushSubscriptions);

    const settings = app.settings();
    settings.meta.appName = 'Pocketdesk';
    settings.batch.enabled = true;
    settings.batch.maxRequests = 50;
    settings.rateLimits.enabled = true;
    settings.rateLimits.rules = [
      { label: '*:auth', audience: '', duration: 60, maxRequests: 30 },
      { label: '*:create', audience: '@guest', duration: 5, maxRequests: 20 },
      // Meta sizes webhook traffic at 3x outbound + 1x inbound (about 240/s at 80 msg/s) from a few IPs.
      { label: '/api/whatsapp/', audience: '', duration: 1, maxRequests: 2000 },
      { label: '/api/', audience: '', duration: 10, maxRequests: 3000 },
    ];
    app.save(settings);
  },
  (app) => {
    for (const name of ['push_subscriptions', 'notifications', 'routing_events', 'webhook_events', 'canned_replies', 'notes', 'messages', 'templates', 'conversations', 'contacts', 'channels', 'labels', 'agents', 'teams']) {
      try {
        app.delete(app.findCollectionByNameOrId(name));
      } catch (_) {
        // not there
      }
    }
  },
);
