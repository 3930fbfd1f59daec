/// <reference path="../.pocketbase/types.d.ts" />
// The Pocketdesk data model: collections, fields, indexes, API rules and the app settings they rely on.
// Collection and field names are the product's public data API; add, never rename. Later migrations find
// collections by name or by these fixed ids, so both stay.
// Self-contained on purpose: migrations run once, in order, and must not depend on the app bundle.
// tests/integration/schema.test.ts holds the database this builds to tests/fixtures/schema.json.

migrate(
  (app) => {
    const isAgent = '@request.auth.collectionName = "agents"';
    const isAdmin = `${isAgent} && @request.auth.role = "admin"`;
    const isStaff = `${isAgent} && (@request.auth.role = "admin" || @request.auth.role = "manager")`;
    // Who works a conversation: admins, its assignee, its team while nobody holds it, the team's managers.
    // `p` is the path to the conversation: '' on conversations, 'conversation.' on the records that hang off one.
    const canWorkOn = (p) =>
      `${isAgent} && (@request.auth.role = "admin"` +
      ` || ${p}assignee = @request.auth.id` +
      ` || (${p}assignee = "" && (${p}team = "" || @request.auth.teams.id ?= ${p}team))` +
      ` || (@request.auth.role = "manager" && @request.auth.teams.id ?= ${p}team))`;
    // Who may read it: those, and the agent it is offered to, who may be outside its team (the customer's usual agent).
    const canSeeConversation = (p) => `(${canWorkOn(p)}) || (${isAgent} && ${p}offered_to = @request.auth.id)`;
    const isOwnRow = `${isAgent} && agent = @request.auth.id`;

    const text = (name, opts = {}) => ({ name, type: 'text', max: 5000, ...opts });
    const date = (name, opts = {}) => ({ name, type: 'date', ...opts });
    const num = (name, opts = {}) => ({ name, type: 'number', ...opts });
    const count = (name) => num(name, { min: 0, onlyInt: true });
    const bool = (name) => ({ name, type: 'bool' });
    const json = (name, maxSize = 2_000_000) => ({ name, type: 'json', maxSize });
    const select = (name, values, opts = {}) => ({ name, type: 'select', values, maxSelect: 1, ...opts });
    const rel = (name, collectionId, opts = {}) => ({ name, type: 'relation', collectionId, maxSelect: 1, ...opts });
    const created = { name: 'created', type: 'autodate', onCreate: true, onUpdate: false };
    const timestamps = [created, { name: 'updated', type: 'autodate', onCreate: true, onUpdate: true }];
    // Delivery leases shared by the worker's outboxes (messages, notifications): a row is claimed until a time.
    const lease = [text('claimed_by', { max: 100 }), date('claimed_until')];

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
      fields: [
        text('name', { required: true, max: 100 }),
        text('description', { max: 1000 }),
        json('settings', 100_000),
        // Empty means `assign`: routing hands conversations out; `offer` asks one agent at a time to accept.
        select('assignment_mode', ['assign', 'offer']),
        // 0 means the default (60 s); a shorter window than 10 s would expire before a phone has shown the push.
        num('offer_timeout_seconds', { min: 10, max: 3600, onlyInt: true }),
        ...timestamps,
      ],
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
        // When the agent last replied: routing's `most_waiting` reads it instead of scanning messages.
        date('last_message_at'),
        // The agent's own choice to be pushed new customer messages in conversations they own.
        bool('notify_new_messages'),
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
        json('faq', 500_000),
        json('service', 100_000),
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
        // SQLite cannot use a partial index for `column = ?` (it cannot prove the value is not ''): the webhook
        // path's lookups need plain indexes beside the unique ones (a full scan each on 100k contacts, ~30 ms).
        'CREATE INDEX idx_contacts_wa_id_lookup ON contacts (wa_id)',
        'CREATE INDEX idx_contacts_user_id_lookup ON contacts (user_id)',
      ],
    });
    app.save(contacts);

    const conversationsId = 'pd_conversation';
    // Offers only move through the offer route and routing, never by editing the record.
    const offerFields = ['offered_to', 'offer_expires_at', 'offer_declined'];
    const conversations = new Collection({
      id: conversationsId,
      type: 'base',
      name: 'conversations',
      listRule: canSeeConversation(''),
      viewRule: canSeeConversation(''),
      createRule: null,
      // Agents change status and labels; ownership moves through the assignment routes, which check capacity.
      updateRule:
        `(${canWorkOn('')} && ((@request.body.assignee:isset = false && @request.body.team:isset = false)` +
        ' || @request.auth.role = "admin" || @request.auth.role = "manager"))' +
        offerFields.map((f) => ` && @request.body.${f}:isset = false`).join(''),
      deleteRule: isAdmin,
      fields: [
        rel('contact', contacts.id, { required: true }),
        rel('channel', channels.id, { required: true }),
        select('status', ['open', 'pending', 'resolved'], { required: true }),
        rel('assignee', agents.id),
        rel('team', teams.id),
        num('priority', { min: 0, max: 1000, onlyInt: true }),
        rel('labels', labels.id, { maxSelect: 50 }),
        // Detected from the customer's messages; routing may match it against agents' languages.
        text('language', { max: 16 }),
        date('last_inbound_at'),
        date('last_outbound_at'),
        date('last_message_at'),
        date('last_agent_reply_at'),
        text('last_message_preview', { max: 200 }),
        count('unread_count'),
        date('first_response_at'),
        date('assigned_at'),
        date('resolved_at'),
        select('resolved_by', ['agent', 'bot', 'system']),
        count('reopen_count'),
        count('handover_count'),
        json('required_skills', 10_000),
        // The offer lives on the conversation itself, so accepting, declining and expiring are single-row changes
        // under the writer lock. `offer_declined`: who declined or let it lapse since it was last owned.
        rel('offered_to', agents.id),
        date('offer_expires_at'),
        rel('offer_declined', agents.id, { maxSelect: 200 }),
        // Read receipts: the newest inbound message to mark read on WhatsApp (which marks the earlier ones too),
        // and the last one the worker delivered.
        text('read_receipt_wamid', { max: 300 }),
        text('read_receipt_sent_wamid', { max: 300 }),
        // Auto-replies already sent, and the FAQ bot: while it holds a ticket, agents' queues leave it out.
        json('auto_reply_keys', 20_000),
        bool('bot_active'),
        json('bot_state', 100_000),
        // Customer satisfaction: a comment is taken only within a day of the rating.
        num('csat_rating', { min: 0, max: 5, onlyInt: true }),
        text('csat_comment', { max: 2000 }),
        date('csat_requested_at'),
        date('csat_rated_at'),
        // SLA: the next deadline (the queue shows time left), whether one was missed, the escalations done.
        date('sla_due_at'),
        bool('sla_breached'),
        json('sla_escalations', 20_000),
        // The dashboard's figures, stored per row and kept by SQLite triggers (1764000100_create_metric_triggers.js)
        // so the overview reads plain integers: first_response_ms (-1: no first response counts), resolution_ms,
        // agent_replies. Hidden: internal to the metrics SQL.
        num('first_response_ms', { onlyInt: true, hidden: true }),
        num('resolution_ms', { onlyInt: true, hidden: true }),
        num('agent_replies', { onlyInt: true, hidden: true }),
        ...timestamps,
      ],
      indexes: [
        // One active ticket per customer and number; a second inbound message joins it.
        "CREATE UNIQUE INDEX idx_conversations_active ON conversations (contact, channel) WHERE status != 'resolved'",
        'CREATE INDEX idx_conversations_queue ON conversations (status, team, assignee, priority, last_inbound_at)',
        'CREATE INDEX idx_conversations_assignee ON conversations (assignee, status)',
        'CREATE INDEX idx_conversations_last_message ON conversations (last_message_at)',
        // A customer's latest ticket, routing's open-load count and the bot's tickets (each a full scan otherwise).
        'CREATE INDEX idx_conversations_latest ON conversations (contact, channel, created)',
        'CREATE INDEX idx_conversations_open_load ON conversations (status, assignee, offered_to, offer_expires_at)',
        'CREATE INDEX idx_conversations_bot_active ON conversations (bot_active, status)',
        "CREATE INDEX idx_conversations_read_receipts ON conversations (read_receipt_wamid) WHERE read_receipt_wamid != ''",
        'CREATE INDEX idx_conversations_offer ON conversations (offered_to, offer_expires_at)',
        // The offer sweep's query repeats this WHERE literally (src/pocketbase/offers.ts): a short range read over
        // the few conversations with an offer out, where `offered_to IS NOT ''` scanned every row each minute.
        "CREATE INDEX idx_conversations_live_offers ON conversations (offer_expires_at) WHERE offered_to != ''",
        // The dashboard overview (src/pocketbase/metrics-sql.ts), measured on 100k conversations: period indexes
        // carry every column the figures read, so they answer from the index alone (SQLite's covering index);
        // those led by the assignee walk one agent at a time, already in key order.
        'CREATE INDEX idx_conversations_created ON conversations (created, first_response_ms, sla_breached, team, channel, assignee)',
        'CREATE INDEX idx_conversations_resolved_at ON conversations' +
          ' (resolved_at, resolution_ms, resolved_by, reopen_count, handover_count, csat_rating, agent_replies, team, channel, assignee)',
        'CREATE INDEX idx_conversations_agent_created ON conversations (assignee, created, first_response_ms, sla_breached, team, channel)',
        'CREATE INDEX idx_conversations_agent_resolved ON conversations' +
          ' (assignee, resolved_at, resolution_ms, resolved_by, reopen_count, handover_count, csat_rating, agent_replies, team, channel)',
        // Rank indexes, ordered by the duration itself: a median or 90th percentile is a walk to its rank, not a sort.
        'CREATE INDEX idx_conversations_first_response ON conversations (first_response_ms, created, team, channel)',
        'CREATE INDEX idx_conversations_agent_first_response ON conversations (assignee, first_response_ms, created, team, channel)',
        'CREATE INDEX idx_conversations_resolution ON conversations (resolution_ms, resolved_at, team, channel)',
        'CREATE INDEX idx_conversations_agent_resolution ON conversations (assignee, resolution_ms, resolved_at, team, channel)',
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
      // An agent the conversation is only offered to replies after accepting it.
      createRule:
        `${canWorkOn('conversation.')} && @request.body.direction = "out" && @request.body.author = @request.auth.id` +
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
        count('media_size'),
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
        count('attempts'),
        date('next_attempt_at'),
        ...lease,
        bool('marked_read'),
        ...timestamps,
      ],
      indexes: [
        "CREATE UNIQUE INDEX idx_messages_wamid ON messages (wamid) WHERE wamid != ''",
        // Status updates look messages up by wamid: the partial unique index above cannot serve `wamid = ?`.
        'CREATE INDEX idx_messages_wamid_lookup ON messages (wamid)',
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
      createRule: `${canWorkOn('conversation.')} && @request.body.author = @request.auth.id`,
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

    // Each webhook delivery's outcome once applied. Deliveries wait to be applied in an inbox table of the auxiliary
    // database, which the hooks create at every start (src/pocketbase/webhook-inbox.ts), not here.
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
        // `pending`: queued for replay. A failing replay backs off (`apply_after`) and turns `failed` after a few
        // attempts: kept, never dropped, for an operator to replay.
        select('status', ['pending', 'processed', 'unknown_channel', 'unsupported', 'failed'], { required: true }),
        json('fields', 10_000),
        json('phone_number_ids', 10_000),
        json('summary', 100_000),
        text('error', { max: 2000 }),
        count('attempts'),
        date('apply_after'),
        // When Meta delivered it; the row itself is created when it is applied.
        date('received_at'),
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
      listRule: isOwnRow,
      viewRule: isOwnRow,
      createRule: null,
      updateRule: `${isOwnRow} && @request.body.agent:isset = false && @request.body.status:isset = false`,
      deleteRule: null,
      fields: [
        rel('agent', agents.id, { required: true, cascadeDelete: true }),
        rel('conversation', conversationsId, { cascadeDelete: true }),
        select('kind', ['assigned', 'handover', 'escalated', 'mention', 'message', 'offer', 'sla'], { required: true }),
        text('title', { max: 200 }),
        text('body', { max: 500 }),
        text('url', { max: 500 }),
        select('status', ['pending', 'sent', 'failed', 'stale'], { required: true }),
        count('attempts'),
        date('next_attempt_at'),
        ...lease,
        date('read_at'),
        ...timestamps,
      ],
      indexes: [
        'CREATE INDEX idx_notifications_outbox ON notifications (status, next_attempt_at)',
        'CREATE INDEX idx_notifications_agent ON notifications (agent, created)',
      ],
    });
    app.save(notifications);

    const pushSubscriptions = new Collection({
      id: 'pd_push_subs_01',
      type: 'base',
      name: 'push_subscriptions',
      listRule: isOwnRow,
      viewRule: isOwnRow,
      createRule: `${isAgent} && @request.body.agent = @request.auth.id`,
      updateRule: `${isOwnRow} && @request.body.agent:isset = false`,
      deleteRule: isOwnRow,
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

    // One row per (notification, device): a notification is pushed at most once to each subscription.
    const pushDeliveries = new Collection({
      id: 'pd_push_deliver',
      type: 'base',
      name: 'push_deliveries',
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        rel('notification', notifications.id, { required: true, cascadeDelete: true }),
        rel('subscription', pushSubscriptions.id, { required: true, cascadeDelete: true }),
        select('status', ['sent', 'gone', 'failed'], { required: true }),
        num('http_status', { onlyInt: true }),
        created,
      ],
      indexes: ['CREATE UNIQUE INDEX idx_push_deliveries_once ON push_deliveries (notification, subscription)'],
    });
    app.save(pushDeliveries);

    // Append-only audit trail: admins read it; nobody writes, edits or deletes it through the API.
    const auditLog = new Collection({
      id: 'pd_audit_log_01',
      type: 'base',
      name: 'audit_log',
      listRule: isAdmin,
      viewRule: isAdmin,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        rel('actor', agents.id),
        select('actor_kind', ['agent', 'superuser', 'system'], { required: true }),
        text('action', { required: true, max: 40 }),
        text('collection_name', { max: 60 }),
        text('record_id', { max: 40 }),
        text('summary', { max: 500 }),
        json('changes', 200_000),
        created,
      ],
      indexes: ['CREATE INDEX idx_audit_log_created ON audit_log (created)', 'CREATE INDEX idx_audit_log_record ON audit_log (collection_name, record_id)'],
    });
    app.save(auditLog);

    // QA review queue: a sample of closed conversations per agent each period, scored by the team's supervisor on
    // a rubric; the agent reads the finished review.
    const supervises = `${isAgent} && (@request.auth.role = "admin" || (@request.auth.role = "manager" && @request.auth.teams.id ?= team))`;
    const qaReviews = new Collection({
      id: 'pd_qa_reviews_1',
      type: 'base',
      name: 'qa_reviews',
      listRule: `${supervises} || (${isAgent} && agent = @request.auth.id && status = "done")`,
      viewRule: `${supervises} || (${isAgent} && agent = @request.auth.id && status = "done")`,
      createRule: null,
      updateRule: supervises,
      deleteRule: null,
      fields: [
        rel('conversation', conversationsId, { required: true, cascadeDelete: true }),
        rel('agent', agents.id, { required: true }),
        rel('team', teams.id),
        date('period_start'),
        date('period_end'),
        select('status', ['pending', 'done'], { required: true }),
        json('scores', 20_000),
        num('total'),
        num('max'),
        num('percent'),
        text('feedback', { max: 5000 }),
        rel('reviewer', agents.id),
        ...timestamps,
      ],
      indexes: [
        'CREATE UNIQUE INDEX idx_qa_reviews_conversation ON qa_reviews (conversation)',
        'CREATE INDEX idx_qa_reviews_team_period ON qa_reviews (team, period_start)',
      ],
    });
    app.save(qaReviews);

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
    // Dependents first: a collection another one still points at cannot be deleted.
    const names = [
      'qa_reviews',
      'audit_log',
      'push_deliveries',
      'push_subscriptions',
      'notifications',
      'routing_events',
      'webhook_events',
      'canned_replies',
      'notes',
      'messages',
      'templates',
      'conversations',
      'contacts',
      'channels',
      'labels',
      'agents',
      'teams',
    ];
    for (const name of names) {
      try {
        app.delete(app.findCollectionByNameOrId(name));
      } catch (_) {
        // not there
      }
    }
  },
);
