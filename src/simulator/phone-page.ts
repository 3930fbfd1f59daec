// The simulator's phone screen, served at GET / and /_sim/phone. Embedded as a string so the esbuild bundle needs no
// files beside it. Every piece of user text goes through textContent: customer and agent messages are untrusted.
// (The inline script avoids backticks, `${` and backslashes so it can live inside this template literal.)

export const PHONE_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pocketdesk · WhatsApp simulator</title>
<style>
  :root { --green: #008069; --bubble-in: #fff; --bubble-out: #d9fdd3; --bg: #efeae2; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #d1d7db; }
  .phone { width: min(380px, 100vw); height: min(760px, 100vh); display: flex; flex-direction: column; background: var(--bg); border-radius: 24px; overflow: hidden; box-shadow: 0 8px 30px rgba(0,0,0,.25); }
  header { background: var(--green); color: #fff; padding: 10px 12px; display: grid; gap: 6px; }
  header h1 { font-size: 15px; margin: 0; font-weight: 600; }
  header select, header input, header button { font: inherit; font-size: 13px; border-radius: 6px; border: 0; padding: 4px 6px; }
  .row { display: flex; gap: 6px; align-items: center; }
  .row > * { flex: 1; min-width: 0; }
  #new-customer[hidden] { display: none; }
  main { flex: 1; overflow-y: auto; padding: 10px; display: flex; flex-direction: column; gap: 6px; }
  .msg { max-width: 80%; padding: 6px 8px 4px; border-radius: 8px; box-shadow: 0 1px 1px rgba(0,0,0,.1); font-size: 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
  .msg.customer { align-self: flex-end; background: var(--bubble-out); }
  .msg.business { align-self: flex-start; background: var(--bubble-in); }
  .meta { font-size: 11px; color: #667781; text-align: right; margin-top: 2px; }
  .ticks.read { color: #53bdeb; }
  .failed { color: #c0392b; }
  .actions { display: flex; gap: 4px; flex-wrap: wrap; margin-top: 4px; }
  .actions button { font-size: 12px; border: 1px solid #cfd8dc; background: #f7f9fa; border-radius: 12px; padding: 2px 8px; cursor: pointer; }
  footer { display: flex; gap: 6px; padding: 8px; background: #f0f2f5; }
  footer input { flex: 1; min-width: 0; border: 0; border-radius: 18px; padding: 8px 12px; font: inherit; }
  footer button { border: 0; border-radius: 18px; background: var(--green); color: #fff; padding: 0 12px; font: inherit; cursor: pointer; }
  footer button.secondary { background: #fff; color: var(--green); }
  .empty { margin: auto; color: #667781; font-size: 13px; text-align: center; }
  .status { font-size: 11px; color: #667781; text-align: center; padding: 2px; }
</style>
</head>
<body>
<div class="phone">
  <header>
    <h1 id="title">WhatsApp simulator</h1>
    <div class="row">
      <label for="channel" hidden>Business number</label>
      <select id="channel" aria-label="Business number"></select>
      <label for="customer" hidden>Customer</label>
      <select id="customer" aria-label="Customer"></select>
    </div>
    <div class="row" id="new-customer" hidden>
      <input id="new-name" aria-label="Customer name" placeholder="Name">
      <input id="new-phone" aria-label="Customer phone" placeholder="Phone (digits)" inputmode="numeric">
      <button id="new-save" type="button">Use</button>
    </div>
  </header>
  <main id="chat" aria-live="polite"></main>
  <div class="status" id="status"></div>
  <footer>
    <button class="secondary" id="photo" type="button" title="Send a photo" aria-label="Send a photo">📷</button>
    <button class="secondary" id="voice" type="button" title="Send a voice note" aria-label="Send a voice note">🎤</button>
    <input id="text" aria-label="Message" placeholder="Message" autocomplete="off">
    <button id="send" type="button">Send</button>
  </footer>
</div>
<script>
(function () {
  var NEW = '__new__';
  var el = function (id) { return document.getElementById(id); };
  var state = null;
  var picked = { phone: localStorage.getItem('sim.phone') || '', name: localStorage.getItem('sim.name') || '' };
  var TICKS = { accepted: '🕓', sent: '✓', delivered: '✓✓', read: '✓✓', played: '✓✓ ▶', failed: '!' };

  function node(tag, className, text) {
    var n = document.createElement(tag);
    if (className) n.className = className;
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function clock(ms) { return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }); }
  function setStatus(text) { el('status').textContent = text; }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { if (!res.ok) throw new Error(json.error ? json.error.message : res.statusText); return json; }); });
  }

  function sendInbound(extra) {
    if (!picked.phone) { setStatus('Pick or create a customer first'); return; }
    var body = { phoneNumberId: el('channel').value, from: picked.phone, name: picked.name || undefined };
    Object.keys(extra).forEach(function (k) { body[k] = extra[k]; });
    post('/_sim/inbound', body).then(function () { setStatus(''); refresh(); }, function (e) { setStatus('Could not send: ' + e.message); });
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
    select.append(new Option('Choose a customer…', ''));
    var known = false;
    state.customers.forEach(function (c) {
      if (!c.waId) return;
      if (c.waId === current) known = true;
      select.append(new Option((c.name || 'Unnamed') + ' · +' + c.waId, c.waId));
    });
    if (current && !known) select.append(new Option((picked.name || 'New') + ' · +' + current, current));
    select.append(new Option('+ New customer…', NEW));
    select.value = current;
  }

  function bubble(className, text, at, extra) {
    var b = node('div', 'msg ' + className, text);
    var meta = node('div', 'meta', clock(at));
    if (extra) extra(b, meta);
    b.append(meta);
    return b;
  }

  function renderChat() {
    var chat = el('chat');
    var atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 40;
    chat.replaceChildren();
    if (!picked.phone) { chat.append(node('p', 'empty', 'Pick a customer above, or create one, then write to the business.')); return; }
    var channelId = el('channel').value;
    var items = [];
    state.inbound.forEach(function (m) { if (m.phoneNumberId === channelId && m.customerKey === picked.phone) items.push({ at: m.at, inbound: m }); });
    state.sentMessages.forEach(function (m) { if (m.phoneNumberId === channelId && m.waId === picked.phone) items.push({ at: m.acceptedAt, outbound: m }); });
    items.sort(function (a, b) { return a.at - b.at; });
    if (items.length === 0) chat.append(node('p', 'empty', 'No messages yet. Say hello!'));
    items.forEach(function (item) {
      if (item.inbound) { chat.append(bubble('customer', item.inbound.preview, item.at)); return; }
      var m = item.outbound;
      chat.append(bubble('business', m.preview, item.at, function (b, meta) {
        var ticks = node('span', 'ticks ' + m.status, ' ' + (TICKS[m.status] || ''));
        meta.append(ticks);
        if (m.status === 'failed' && m.errors && m.errors[0]) meta.append(node('div', 'failed', 'Failed ' + m.errors[0].code + ': ' + m.errors[0].title));
        var actions = node('div', 'actions');
        (m.buttons || []).forEach(function (btn) {
          var button = node('button', '', btn.title);
          button.type = 'button';
          button.addEventListener('click', function () { sendInbound({ type: 'interactive', buttonReply: { id: btn.id, title: btn.title }, contextId: m.id }); });
          actions.append(button);
        });
        if (m.type !== 'reaction') {
          var like = node('button', '', '👍');
          like.type = 'button';
          like.setAttribute('aria-label', 'React with thumbs up');
          like.addEventListener('click', function () { sendInbound({ type: 'reaction', reaction: { messageId: m.id, emoji: '👍' } }); });
          actions.append(like);
        }
        b.append(actions);
      }));
    });
    if (atBottom) chat.scrollTop = chat.scrollHeight;
  }

  function refresh() {
    return fetch('/_sim/state?webhooks=0').then(function (res) { return res.json(); }).then(function (json) {
      state = json;
      el('title').textContent = 'WhatsApp simulator · ' + state.channels.length + ' line(s)';
      if (!el('new-customer').hidden) return;
      renderPickers();
      renderChat();
    }, function () { setStatus('Simulator unreachable, retrying…'); });
  }

  el('customer').addEventListener('change', function (event) {
    var value = event.target.value;
    if (value === NEW) { el('new-customer').hidden = false; el('new-name').focus(); return; }
    var match = state.customers.filter(function (c) { return c.waId === value; })[0];
    picked = { phone: value, name: match ? match.name : '' };
    localStorage.setItem('sim.phone', picked.phone);
    localStorage.setItem('sim.name', picked.name);
    renderChat();
  });
  el('new-save').addEventListener('click', function () {
    var phone = el('new-phone').value.replace(/[^0-9]/g, '');
    if (phone.length < 6) { setStatus('Phone needs at least 6 digits'); return; }
    picked = { phone: phone, name: el('new-name').value.trim() };
    localStorage.setItem('sim.phone', picked.phone);
    localStorage.setItem('sim.name', picked.name);
    el('new-customer').hidden = true;
    setStatus('');
    refresh();
  });
  el('channel').addEventListener('change', renderChat);
  function sendText() {
    var text = el('text').value.trim();
    if (!text) return;
    el('text').value = '';
    sendInbound({ type: 'text', text: text });
  }
  el('send').addEventListener('click', sendText);
  el('text').addEventListener('keydown', function (event) { if (event.key === 'Enter') sendText(); });
  el('photo').addEventListener('click', function () { sendInbound({ type: 'image', text: 'Photo from the simulator' }); });
  el('voice').addEventListener('click', function () { sendInbound({ type: 'audio', voice: true }); });

  refresh();
  setInterval(refresh, 1500);
})();
</script>
</body>
</html>
`;
