// conversations.history takes a channel ID, never `#name`. When a crash leaves a message whose
// posting was not confirmed, in a channel configured by name whose ID we never learned, look the
// ID up by name so the duplicate check can still run (needs the channels:read / groups:read scopes;
// without them the caller says so and carries on).
// https://api.slack.com/methods/conversations.list

import type { SlackApi } from './slack-client.ts';

const maxPages = 20;

export async function lookupChannelId(slack: SlackApi, configured: string): Promise<string | undefined> {
  const name = configured.replace(/^#/, '');
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const res = await slack.conversations.list({
      types: 'public_channel,private_channel',
      exclude_archived: true,
      limit: 1000,
      ...(cursor ? { cursor } : {}),
    });
    const hit = (res.channels ?? []).find((c) => c.name === name);
    if (hit?.id) return hit.id;
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) return undefined;
  }
  return undefined;
}
