// Slack messages as an approximate Slack-like HTML page, for the README screenshots: Block Kit
// header, section, fields, context, divider and button blocks, and mrkdwn (*bold*, _italic_,
// `code`, > quotes, <url|links>, a few :emoji:). Approximate by design: it shows what our
// builders put in a message, not how every Slack client lays it out.

import type { SlackMessage } from '../../src/slack/alert.ts';

interface TextObject {
  type: string;
  text: string;
}
interface AnyBlock {
  type: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: Array<{ type: string; text?: string | TextObject }>;
}

// Drawn, not taken from an emoji font: a machine making the pictures may have none.
const dot = (colour: string) => `<span class="dot" style="background:${colour}"></span>`;
const emoji: Record<string, string> = {
  red_circle: dot('#e01e5a'),
  large_blue_circle: dot('#1264a3'),
  large_yellow_circle: dot('#ecb22e'),
  large_green_circle: dot('#2eb67d'),
  hourglass_flowing_sand: dot('#e8912d'),
  white_check_mark: '<span class="glyph" style="color:#2eb67d">✔</span>',
  x: '<span class="glyph" style="color:#e01e5a">✘</span>',
  zzz: '<span class="glyph">zZ</span>',
  arrows_counterclockwise: '<span class="glyph">↻</span>',
  grey_question: '<span class="glyph">?</span>',
};

/** Slack text arrives with &amp; &lt; &gt; escaped already: only our own markup is turned into HTML. */
export function mrkdwnToHtml(text: string): string {
  const lines = text.split('\n').map((line) => {
    const quote = /^&gt; ?(.*)$/.exec(line) ?? /^> ?(.*)$/.exec(line);
    const body = inline(quote ? quote[1]! : line);
    return quote ? `<blockquote>${body}</blockquote>` : body;
  });
  return lines
    .join('<br>')
    .replace(/<br><blockquote>/g, '<blockquote>')
    .replace(/<\/blockquote><br>/g, '</blockquote>');
}

function inline(s: string): string {
  return s
    .replace(
      /<(https?:[^|>]+)\|([^>]+)>/g,
      (_m, url: string, label: string) => `<a href="${url}">${label}</a>`,
    )
    .replace(/<(https?:[^>]+)>/g, (_m, url: string) => `<a href="${url}">${url}</a>`)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<b>$2</b>')
    .replace(/(^|[\s(])_([^_\n]+)_/g, '$1<i>$2</i>')
    .replace(/:([a-z_]+):/g, (m, name: string) => emoji[name] ?? m);
}

function plain(t: string | TextObject | undefined): string {
  const text = typeof t === 'string' ? t : (t?.text ?? '');
  return text
    .replace(/&(?!amp;|lt;|gt;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function block(b: AnyBlock): string {
  switch (b.type) {
    case 'header':
      return `<div class="header">${inline(plain(b.text))}</div>`;
    case 'section':
      return [
        b.text ? `<div class="section">${mrkdwnToHtml(b.text.text)}</div>` : '',
        b.fields
          ? `<div class="fields">${b.fields.map((f) => `<div>${mrkdwnToHtml(f.text)}</div>`).join('')}</div>`
          : '',
      ].join('');
    case 'context':
      return `<div class="context">${(b.elements ?? [])
        .map(
          (e) => `<span>${mrkdwnToHtml(typeof e.text === 'string' ? e.text : (e.text?.text ?? ''))}</span>`,
        )
        .join('')}</div>`;
    case 'divider':
      return '<hr>';
    case 'actions':
      return `<div class="actions">${(b.elements ?? []).map((e) => `<button>${plain(e.text)}</button>`).join('')}</div>`;
    default:
      return '';
  }
}

export interface ShownMessage {
  message: SlackMessage;
  /** e.g. "9:00 AM" */
  time: string;
  /** Marked "Also sent to the channel" (reply_broadcast). */
  broadcast?: boolean;
}

export function messageHtml(m: ShownMessage): string {
  const blocks = (m.message.blocks ?? []) as unknown as AnyBlock[];
  return `<div class="msg"><div class="avatar">ft</div><div class="body">
    <div class="who"><b>followthrough</b> <span class="app">APP</span> <span class="time">${m.time}</span></div>
    ${m.broadcast ? '<div class="broadcast">Also sent to the channel</div>' : ''}
    ${blocks.length ? blocks.map(block).join('') : `<div class="section">${mrkdwnToHtml(m.message.text)}</div>`}
  </div></div>`;
}

export function slackPage(title: string, parts: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>
  body { font: 15px/1.46 -apple-system, "Segoe UI", Lato, "Noto Sans", Helvetica, Arial, sans-serif; color: #1d1c1d; margin: 0; background: #fff; }
  .bar { padding: 10px 20px; border-bottom: 1px solid #ddd; font-weight: 700; }
  .bar span { font-weight: 400; color: #616061; margin-left: 8px; }
  .msg { display: flex; gap: 10px; padding: 10px 20px; }
  .avatar { width: 36px; height: 36px; border-radius: 6px; background: #1264a3; color: #fff; font-weight: 700; display: flex; align-items: center; justify-content: center; flex: none; }
  .body { flex: 1; min-width: 0; }
  .who .app { font-size: 10px; background: #e8e8e8; color: #616061; padding: 1px 3px; border-radius: 2px; }
  .who .time { color: #616061; font-size: 12px; }
  .header { font-size: 18px; font-weight: 900; margin: 4px 0 6px; }
  .section { margin: 4px 0; } .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin: 8px 0; }
  .context { color: #616061; font-size: 12.5px; margin: 6px 0; } .context span { display: block; }
  blockquote { border-left: 4px solid #ddd; margin: 4px 0; padding: 0 10px; color: #454245; }
  .dot { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; vertical-align: -0.05em; margin-right: 2px; }
  .glyph { font-weight: 700; }
  code { word-break: break-all; font: 12px Menlo, Consolas, monospace; background: #f6f6f6; border: 1px solid #e0e0e0; border-radius: 3px; padding: 1px 3px; color: #c01343; }
  a { color: #1264a3; text-decoration: none; } hr { border: 0; border-top: 1px solid #ddd; }
  .actions button { font: 600 13px inherit; border: 1px solid #bbb; background: #fff; border-radius: 4px; padding: 4px 12px; margin: 6px 8px 2px 0; }
  .broadcast { color: #616061; font-size: 12px; }
  .thread { border-left: 1px solid #ddd; margin-left: 20px; } .replies { color: #1264a3; font-size: 13px; font-weight: 700; padding: 0 20px 8px 66px; }
  .note { color: #616061; font-size: 11px; padding: 8px 20px; border-top: 1px solid #eee; }
  </style></head><body>${parts.join('\n')}
  <div class="note">Approximate Slack rendering of the messages followthrough's builders produce (test/support/block-kit-html.ts).</div>
  </body></html>`;
}
