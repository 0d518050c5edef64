// What Slack sends when a person uses the app (pure): a button press (block_actions), the resolve
// modal's submission (view_submission) or the slash command, read into plain values. Anything not
// ours (another app's action id, a malformed payload) reads as undefined and is ignored.
// https://api.slack.com/reference/interaction-payloads

export interface ButtonPress {
  actionId: string;
  value: string | undefined;
  user: string;
  /** With user and action id, what makes a repeated delivery recognisable. */
  actionTs: string;
  channel?: string;
  messageTs?: string;
  threadTs?: string;
  triggerId?: string;
}

export interface ViewSubmission {
  callbackId: string;
  viewId: string;
  user: string;
  privateMetadata: string;
  /** block_id → action_id → the element's state. */
  values: Record<
    string,
    Record<string, { value?: string | null; selected_option?: { value?: string } | null }>
  >;
}

export interface SlashCommand {
  command: string;
  text: string;
  user: string;
  channel: string;
}

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Our buttons pressed in a block_actions payload (action ids starting `followthrough_`). */
export function readButtonPresses(body: Obj): ButtonPress[] {
  if (body.type !== 'block_actions') return [];
  const user = str(obj(body.user).id);
  const container = obj(body.container);
  const message = obj(body.message);
  const channel = str(container.channel_id) ?? str(obj(body.channel).id);
  const messageTs = str(container.message_ts) ?? str(message.ts);
  const threadTs = str(container.thread_ts) ?? str(message.thread_ts);
  const triggerId = str(body.trigger_id);
  if (!user || !Array.isArray(body.actions)) return [];
  return body.actions.flatMap((raw): ButtonPress[] => {
    const a = obj(raw);
    const actionId = str(a.action_id);
    const actionTs = str(a.action_ts);
    if (!actionId?.startsWith('followthrough_') || !actionTs) return [];
    return [
      {
        actionId,
        value: str(a.value),
        user,
        actionTs,
        ...(channel ? { channel } : {}),
        ...(messageTs ? { messageTs } : {}),
        ...(threadTs ? { threadTs } : {}),
        ...(triggerId ? { triggerId } : {}),
      },
    ];
  });
}

export function readViewSubmission(body: Obj): ViewSubmission | undefined {
  if (body.type !== 'view_submission') return undefined;
  const view = obj(body.view);
  const user = str(obj(body.user).id);
  const viewId = str(view.id);
  const callbackId = str(view.callback_id);
  if (!user || !viewId || !callbackId) return undefined;
  return {
    callbackId,
    viewId,
    user,
    privateMetadata: typeof view.private_metadata === 'string' ? view.private_metadata : '',
    values: obj(obj(view.state).values) as ViewSubmission['values'],
  };
}

export function readSlashCommand(body: Obj): SlashCommand | undefined {
  const command = str(body.command);
  const user = str(body.user_id);
  if (!command || !user) return undefined;
  return {
    command,
    text: typeof body.text === 'string' ? body.text.trim() : '',
    user,
    channel: str(body.channel_id) ?? '',
  };
}
