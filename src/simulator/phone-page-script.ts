// The phone page's script (see phone-page.ts). Plain ES5 in a string: it must avoid backticks, the dollar-brace
// sequence and backslashes so it can live inside a template literal. All text goes in through textContent.

export const PHONE_PAGE_SCRIPT = `
(function () {
  var NEW = '__new__';
  var el = function (id) { return document.getElementById(id); };
  var query = new URLSearchParams(location.search);
  var lang = (query.get('lang') || navigator.language || 'en').slice(0, 2).toLowerCase() === 'es' ? 'es' : 'en';
  var T = TEXT[lang];
  var state = null;
  var picked = { phone: localStorage.getItem('sim.phone') || '', name: localStorage.getItem('sim.name') || '' };
  var TICKS = { accepted: '🕓', sent: '✓', delivered: '✓✓', read: '✓✓', played: '✓✓ ▶', failed: '!' };
  var MEDIA_ICON = { image: '📷', video: '🎥', audio: '🎤', document: '📄', sticker: '🏷', location: '📍', contacts: '👤' };
  var openList = null;

  function say(template, slots) {
    return template.replace(/[{]([a-z]+)[}]/g, function (whole, key) { return slots && slots[key] !== undefined ? String(slots[key]) : whole; });
  }
  function node(tag, className, text) {
    var n = document.createElement(tag);
    if (className) n.className = className;
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function button(className, text, onclick) {
    var b = node('button', className, text);
    b.type = 'button';
    b.addEventListener('click', onclick);
    return b;
  }
  function clock(ms) { return new Date(ms).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }); }
  function setStatus(text) { el('status').textContent = text; }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = T.title;
    el('title').textContent = T.title;
    document.querySelectorAll('[data-t]').forEach(function (n) { n.textContent = T[n.getAttribute('data-t')]; });
    document.querySelectorAll('[data-t-label]').forEach(function (n) { n.setAttribute('aria-label', T[n.getAttribute('data-t-label')]); n.title = T[n.getAttribute('data-t-label')]; });
    document.querySelectorAll('[data-t-placeholder]').forEach(function (n) { n.placeholder = T[n.getAttribute('data-t-placeholder')]; });
  }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { if (!res.ok) { var error = new Error(json.error ? json.error.message : res.statusText); error.reason = json.error && json.error.reason; throw error; } return json; }); });
  }

  function sendInbound(extra) {
    if (!picked.phone) { setStatus(T.pickFirst); return; }
    var body = { phoneNumberId: el('channel').value, from: picked.phone, name: picked.name || undefined };
    Object.keys(extra).forEach(function (k) { body[k] = extra[k]; });
    post('/_sim/inbound', body).then(function () { setStatus(''); refresh(); }, function (e) { setStatus(say(T.couldNotSend, { error: e.message })); });
  }

  function renderPickers() {
    var channel = el('channel');
    if (channel.options.length !== state.channels.length) {
      channel.replaceChildren();
      state.channels.forEach(function (c) { channel.append(new Option('+' + c.displayPhoneNumber, c.phoneNumberId)); });
    }
    var select = el('customer');
    var current = picked.phone;
    select.replaceChildren();
    select.append(new Option(T.chooseCustomer, ''));
    var known = false;
    state.customers.forEach(function (c) {
      if (!c.waId) return;
      if (c.waId === current) known = true;
      select.append(new Option((c.name || T.unnamed) + ' · +' + c.waId, c.waId));
    });
    if (current && !known) select.append(new Option((picked.name || T.unnamed) + ' · +' + current, current));
    select.append(new Option(T.newCustomer, NEW));
    select.value = current;
  }

  function outboundText(m) {
    var r = m.request || {};
    if (m.type === 'text') return (r.text && r.text.body) || m.preview;
    var media = r[m.type] || {};
    var icon = MEDIA_ICON[m.type];
    if (icon) return icon + ' ' + (media.caption || media.filename || media.name || '');
    return m.preview;
  }
  function inboundText(m) {
    var msg = m.message || {};
    var media = msg[m.type] || {};
    if (m.type === 'text') return (msg.text && msg.text.body) || '';
    if (m.type === 'interactive') { var i = msg.interactive || {}; return (i.button_reply && i.button_reply.title) || (i.list_reply && i.list_reply.title) || ''; }
    if (m.type === 'button') return (msg.button && msg.button.text) || '';
    if (m.type === 'audio') return MEDIA_ICON.audio + ' ' + T.voice;
    if (MEDIA_ICON[m.type]) return MEDIA_ICON[m.type] + ' ' + (media.caption || media.name || '');
    return m.preview;
  }

  function bubble(className, at) {
    var b = node('div', 'msg ' + className);
    b.meta = node('div', 'meta', clock(at));
    return b;
  }
  function drawCard(b, card) {
    if (card.header) b.append(node('div', 'card-header', card.header));
    b.append(node('div', 'card-body', card.body));
    if (card.footer) b.append(node('div', 'card-footer', card.footer));
  }
  function replyBar(choices) {
    var bar = node('div', 'replies');
    choices.forEach(function (c) { bar.append(button('reply', c.text, c.onclick)); });
    return bar;
  }

  function drawList(m) {
    var sheet = el('sheet');
    sheet.replaceChildren();
    sheet.setAttribute('aria-label', m.card.list.button || T.chooseOne);
    var head = node('div', 'sheet-head');
    head.append(button('icon', '✕', function () { closeList(); }));
    head.lastChild.setAttribute('aria-label', T.closeList);
    head.append(node('h2', '', m.card.list.button || T.chooseOne));
    sheet.append(head);
    sheet.append(node('p', 'hint', T.chooseOne));
    var chosen = null;
    var send = button('send-choice', T.send, function () {
      if (!chosen) return;
      closeList();
      sendInbound({ type: 'interactive', listReply: chosen, contextId: m.id });
    });
    send.disabled = true;
    m.card.list.sections.forEach(function (section) {
      if (section.title) sheet.append(node('h3', '', section.title));
      var group = node('div', 'rows');
      group.setAttribute('role', 'radiogroup');
      section.rows.forEach(function (row) {
        var label = node('label', 'row-choice');
        var input = node('input');
        input.type = 'radio';
        input.name = 'list-' + m.id;
        input.addEventListener('change', function () {
          chosen = { id: row.id, title: row.title };
          if (row.description) chosen.description = row.description;
          send.disabled = false;
        });
        var text = node('span', 'row-text');
        text.append(node('span', 'row-title', row.title));
        if (row.description) text.append(node('span', 'row-description', row.description));
        label.append(text, input);
        group.append(label);
      });
      sheet.append(group);
    });
    sheet.append(send);
    openList = m.id;
    el('sheet-backdrop').hidden = false;
    sheet.hidden = false;
    var first = sheet.querySelector('input');
    if (first) first.focus();
  }
  function closeList() {
    openList = null;
    el('sheet').hidden = true;
    el('sheet-backdrop').hidden = true;
  }

  function reactionsByTarget(items) {
    var found = {};
    items.forEach(function (item) {
      var m = item.inbound;
      if (!m || m.type !== 'reaction') return;
      var r = (m.message && m.message.reaction) || {};
      if (r.message_id) found[r.message_id] = r.emoji || '';
    });
    return found;
  }

  function renderChat() {
    var chat = el('chat');
    var atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 40;
    chat.replaceChildren();
    if (!picked.phone) { chat.append(node('p', 'empty', T.empty)); return; }
    var channelId = el('channel').value;
    var items = [];
    state.inbound.forEach(function (m) { if (m.phoneNumberId === channelId && m.customerKey === picked.phone) items.push({ at: m.at, inbound: m }); });
    state.sentMessages.forEach(function (m) { if (m.phoneNumberId === channelId && m.waId === picked.phone) items.push({ at: m.acceptedAt, outbound: m }); });
    items.sort(function (a, b) { return a.at - b.at; });
    var customerReactions = reactionsByTarget(items);
    var businessReactions = {};
    items.forEach(function (item) {
      var m = item.outbound;
      if (m && m.type === 'reaction' && m.request && m.request.reaction) businessReactions[m.request.reaction.message_id] = m.request.reaction.emoji;
    });
    var shown = items.filter(function (item) { return !(item.inbound && item.inbound.type === 'reaction') && !(item.outbound && item.outbound.type === 'reaction'); });
    if (shown.length === 0) chat.append(node('p', 'empty', T.noMessages));
    shown.forEach(function (item) {
      if (item.inbound) {
        var mine = bubble('customer', item.at);
        mine.append(node('div', 'text', inboundText(item.inbound)));
        mine.append(mine.meta);
        if (businessReactions[item.inbound.id]) mine.append(node('span', 'reaction', businessReactions[item.inbound.id]));
        chat.append(mine);
        return;
      }
      var m = item.outbound;
      var wrap = node('div', 'business-wrap');
      var b = bubble('business', item.at);
      b.setAttribute('data-message', m.id);
      if (m.card) drawCard(b, m.card);
      else b.append(node('div', 'text', outboundText(m)));
      b.meta.append(node('span', 'ticks ' + m.status, ' ' + (TICKS[m.status] || '')));
      b.append(b.meta);
      if (m.status === 'failed' && m.errors && m.errors[0]) b.append(node('div', 'failed', say(T.failed, { code: m.errors[0].code, title: m.errors[0].title })));
      if (customerReactions[m.id]) b.append(node('span', 'reaction', customerReactions[m.id]));
      wrap.append(b);
      var card = m.card || {};
      if (card.list) wrap.append(replyBar([{ text: '☰ ' + (card.list.button || T.chooseOne), onclick: function () { drawList(m); } }]));
      var quick = (card.replyButtons || m.buttons || []).map(function (btn) {
        return { text: btn.title, onclick: function () { sendInbound({ type: 'interactive', buttonReply: { id: btn.id, title: btn.title }, contextId: m.id }); } };
      }).concat((card.quickReplies || []).map(function (q) {
        return { text: q.text, onclick: function () { sendInbound({ type: 'button', button: { payload: q.payload, text: q.text }, contextId: m.id }); } };
      }));
      if (quick.length > 0) wrap.append(replyBar(quick));
      var react = node('div', 'react');
      react.append(button('icon', '👍', function () { sendInbound({ type: 'reaction', reaction: { messageId: m.id, emoji: '👍' } }); }));
      react.lastChild.setAttribute('aria-label', T.like);
      react.append(button('icon', '👎', function () { sendInbound({ type: 'reaction', reaction: { messageId: m.id, emoji: '👎' } }); }));
      react.lastChild.setAttribute('aria-label', T.dislike);
      wrap.append(react);
      chat.append(wrap);
    });
    if (atBottom) chat.scrollTop = chat.scrollHeight;
  }

  function refresh() {
    return fetch('/_sim/state?webhooks=0').then(function (res) { return res.json(); }).then(function (json) {
      state = json;
      el('lines').textContent = say(T.lines, { n: state.channels.length });
      if (!el('new-customer').hidden || openList) return;
      renderPickers();
      renderChat();
    }, function () { setStatus(T.unreachable); });
  }

  function usePicked(phone, name) {
    picked = { phone: phone, name: name };
    localStorage.setItem('sim.phone', picked.phone);
    localStorage.setItem('sim.name', picked.name);
  }

  el('customer').addEventListener('change', function (event) {
    var value = event.target.value;
    if (value === NEW) { el('new-customer').hidden = false; el('new-name').focus(); return; }
    var match = state.customers.filter(function (c) { return c.waId === value; })[0];
    usePicked(value, match ? match.name : '');
    renderChat();
  });
  el('new-save').addEventListener('click', function () {
    var phone = el('new-phone').value.replace(/[^0-9]/g, '');
    var name = el('new-name').value.trim();
    if (phone.length < 6) { setStatus(T.phoneTooShort); return; }
    // A number that is already someone else is never silently renamed: the customer would become that person.
    var scripted = (state.scriptedCustomers || []).filter(function (c) { return c.phone === phone; })[0];
    if (scripted) { setStatus(say(T.phoneScripted, { phone: phone, name: scripted.name })); return; }
    var known = state.customers.filter(function (c) { return c.waId === phone; })[0];
    if (known && known.name && name && known.name !== name) { setStatus(say(T.phoneTaken, { phone: phone, name: known.name })); return; }
    usePicked(phone, name || (known ? known.name : ''));
    el('new-customer').hidden = true;
    setStatus('');
    refresh();
  });
  el('new-cancel').addEventListener('click', function () { el('new-customer').hidden = true; setStatus(''); refresh(); });
  el('channel').addEventListener('change', renderChat);
  el('sheet-backdrop').addEventListener('click', closeList);
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape' && openList) closeList(); });
  function sendText() {
    var text = el('text').value.trim();
    if (!text) return;
    el('text').value = '';
    sendInbound({ type: 'text', text: text });
  }
  el('send').addEventListener('click', sendText);
  el('text').addEventListener('keydown', function (event) { if (event.key === 'Enter') sendText(); });
  el('photo').addEventListener('click', function () { sendInbound({ type: 'image', text: T.photoCaption }); });
  el('voice').addEventListener('click', function () { sendInbound({ type: 'audio', voice: true }); });

  // The business side (business-player.ts): each button plays one event now; its words are T.plays[kind].
  document.querySelectorAll('[data-play]').forEach(function (b) {
    var kind = b.getAttribute('data-play');
    b.textContent = T.plays[kind];
    b.addEventListener('click', function () {
      post('/_sim/business/play', { play: kind }).then(
        function () { setStatus(say(T.played, { what: T.plays[kind] })); refresh(); },
        function (e) { setStatus(e.reason === 'no-customer-yet' ? T.noCustomerYet : say(T.couldNotPlay, { error: e.message })); }
      );
    });
  });

  applyLanguage();
  refresh();
  setInterval(refresh, 1500);
})();
`;
