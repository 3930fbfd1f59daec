// The simulator's phone screen, served at GET / and /_sim/phone: the customer's side of WhatsApp. Embedded as a
// string so the esbuild bundle needs no files beside it. Every piece of user text goes through textContent:
// customer and agent messages are untrusted. Templates, lists and reply buttons are drawn from the cards the
// simulator keeps (message-card.ts), and tapping one sends what WhatsApp would send.
import { PHONE_PAGE_SCRIPT } from './phone-page-script';
import { PHONE_PAGE_TEXT } from './phone-page-text';

// JSON inside a <script>: a "<" could close the element early.
const TEXT_JSON = JSON.stringify(PHONE_PAGE_TEXT).replace(/</g, '\\u003c');

export const PHONE_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WhatsApp simulator</title>
<style>
  :root { --green: #008069; --bubble-in: #fff; --bubble-out: #d9fdd3; --bg: #efeae2; --link: #027eb5; font-family: system-ui, sans-serif; }
  *, *::before, *::after { box-sizing: border-box; }
  body { margin: 0; min-height: 100dvh; display: flex; justify-content: center; align-items: center; background: #d1d7db; }
  .phone { position: relative; width: 100%; max-width: 400px; height: min(780px, 100dvh); display: flex; flex-direction: column; background: var(--bg); overflow: hidden; }
  @media (min-width: 440px) { .phone { border-radius: 24px; box-shadow: 0 8px 30px rgba(0,0,0,.25); } }
  header { background: var(--green); color: #fff; padding: 8px 10px; display: grid; gap: 6px; }
  .title { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; min-width: 0; }
  header h1 { font-size: 16px; margin: 0; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  #lines { font-size: 12px; opacity: .85; white-space: nowrap; }
  header select, header input, header button { font: inherit; font-size: 14px; border-radius: 6px; border: 0; padding: 4px 6px; min-height: 44px; }
  .row { display: flex; gap: 6px; align-items: center; min-width: 0; }
  .row > * { flex: 1 1 0; min-width: 0; width: 0; }
  .row > button { flex: 0 0 auto; width: auto; padding: 0 12px; }
  #new-customer { flex-wrap: wrap; }
  #new-customer > input { flex-basis: 40%; }
  #new-customer[hidden] { display: none; }
  #business summary { min-height: 44px; display: flex; align-items: center; cursor: pointer; font-size: 14px; }
  #business .plays { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 6px; padding-bottom: 4px; }
  #business .plays button { min-height: 44px; font-size: 13px; color: var(--green); background: #fff; overflow-wrap: anywhere; }
  #business .hint { color: #d9fdd3; }
  main { flex: 1; overflow-y: auto; overflow-x: hidden; padding: 10px; display: flex; flex-direction: column; gap: 8px; }
  .msg { position: relative; max-width: 85%; min-width: 0; padding: 6px 8px 4px; border-radius: 8px; box-shadow: 0 1px 1px rgba(0,0,0,.1); font-size: 15px; white-space: pre-wrap; overflow-wrap: anywhere; }
  .msg.customer { align-self: flex-end; background: var(--bubble-out); }
  .business-wrap { align-self: flex-start; max-width: 85%; min-width: 0; display: grid; gap: 2px; }
  .business-wrap .msg { max-width: 100%; background: var(--bubble-in); }
  .card-header { font-weight: 700; margin-bottom: 2px; }
  .card-footer { font-size: 13px; color: #667781; margin-top: 2px; }
  .meta { font-size: 11px; color: #667781; text-align: right; margin-top: 2px; }
  .ticks.read { color: #53bdeb; }
  .failed { color: #c0392b; font-size: 12px; }
  .reaction { position: absolute; bottom: -12px; left: 6px; background: #fff; border-radius: 12px; padding: 0 4px; font-size: 14px; box-shadow: 0 1px 2px rgba(0,0,0,.2); }
  .msg.customer .reaction { left: auto; right: 6px; }
  .replies { display: grid; gap: 2px; }
  .reply { min-height: 44px; border: 0; border-radius: 8px; background: var(--bubble-in); color: var(--link); font: inherit; font-size: 15px; cursor: pointer; box-shadow: 0 1px 1px rgba(0,0,0,.1); overflow-wrap: anywhere; }
  .react { display: flex; gap: 4px; }
  .icon { min-width: 44px; min-height: 44px; border: 0; background: transparent; font-size: 18px; cursor: pointer; border-radius: 22px; }
  footer { display: flex; gap: 6px; padding: 8px; background: #f0f2f5; min-width: 0; }
  footer input { flex: 1; min-width: 0; border: 0; border-radius: 22px; padding: 8px 12px; font: inherit; min-height: 44px; }
  footer button { flex: none; min-height: 44px; min-width: 44px; border: 0; border-radius: 22px; background: var(--green); color: #fff; padding: 0 12px; font: inherit; cursor: pointer; }
  footer button.secondary { background: #fff; color: var(--green); padding: 0; }
  .empty { margin: auto; color: #667781; font-size: 14px; text-align: center; }
  .status { font-size: 13px; color: #54656f; text-align: center; padding: 2px 8px; overflow-wrap: anywhere; }
  .status:empty { display: none; }
  #sheet-backdrop { position: absolute; inset: 0; background: rgba(0,0,0,.35); }
  #sheet { position: absolute; left: 0; right: 0; bottom: 0; max-height: 80%; overflow-y: auto; background: #fff; border-radius: 16px 16px 0 0; padding: 8px 12px 12px; display: grid; gap: 4px; }
  #sheet[hidden], #sheet-backdrop[hidden] { display: none; }
  .sheet-head { display: flex; align-items: center; gap: 8px; }
  .sheet-head h2 { font-size: 16px; margin: 0; }
  #sheet h3 { font-size: 13px; color: var(--green); margin: 8px 0 0; text-transform: uppercase; }
  .hint { margin: 0; font-size: 13px; color: #667781; }
  .row-choice { display: flex; align-items: center; justify-content: space-between; gap: 8px; min-height: 48px; padding: 4px 0; border-bottom: 1px solid #e9edef; cursor: pointer; }
  .row-choice input { width: 22px; height: 22px; accent-color: var(--green); flex: none; }
  .row-text { display: grid; min-width: 0; overflow-wrap: anywhere; }
  .row-description { font-size: 13px; color: #667781; }
  .send-choice { min-height: 44px; margin-top: 8px; border: 0; border-radius: 22px; background: var(--green); color: #fff; font: inherit; cursor: pointer; }
  .send-choice:disabled { opacity: .5; cursor: default; }
</style>
</head>
<body>
<div class="phone">
  <header>
    <div class="title"><h1 id="title">WhatsApp simulator</h1><span id="lines"></span></div>
    <div class="row">
      <select id="channel" data-t-label="businessNumber" aria-label="Business number"></select>
      <select id="customer" data-t-label="customer" aria-label="Customer"></select>
    </div>
    <div class="row" id="new-customer" hidden>
      <input id="new-name" data-t-label="newName" data-t-placeholder="namePlaceholder" aria-label="Customer name" placeholder="Name" autocomplete="off">
      <input id="new-phone" data-t-label="newPhone" data-t-placeholder="phonePlaceholder" aria-label="Customer phone" placeholder="Phone (digits)" inputmode="numeric" autocomplete="off">
      <button id="new-save" type="button" data-t="use">Use</button>
      <button id="new-cancel" type="button" data-t="cancel">Cancel</button>
    </div>
    <details id="business">
      <summary data-t="businessSide">Business side</summary>
      <p class="hint" data-t="businessHint"></p>
      <div class="plays">
        <button type="button" data-play="history"></button>
        <button type="button" data-play="ad-click"></button>
        <button type="button" data-play="echo-reply"></button>
        <button type="button" data-play="customer-edit"></button>
        <button type="button" data-play="customer-delete"></button>
        <button type="button" data-play="missed-call"></button>
        <button type="button" data-play="answered-call"></button>
        <button type="button" data-play="template-review"></button>
        <button type="button" data-play="opt-out"></button>
      </div>
    </details>
  </header>
  <main id="chat" aria-live="polite"></main>
  <div class="status" id="status" role="status"></div>
  <footer>
    <button class="secondary" id="photo" type="button" data-t-label="photo" aria-label="Send a photo">📷</button>
    <button class="secondary" id="voice" type="button" data-t-label="voice" aria-label="Send a voice note">🎤</button>
    <input id="text" data-t-label="message" data-t-placeholder="message" aria-label="Message" placeholder="Message" autocomplete="off">
    <button id="send" type="button" data-t="send">Send</button>
  </footer>
  <div id="sheet-backdrop" hidden></div>
  <div id="sheet" role="dialog" aria-modal="true" hidden></div>
</div>
<script>
var TEXT = ${TEXT_JSON};
${PHONE_PAGE_SCRIPT}
</script>
</body>
</html>
`;
