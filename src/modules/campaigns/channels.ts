import { fail } from '../../platform/errors.js';
import { campaignChannels } from '../../shared/campaign-channels.js';

const known: ReadonlySet<string> = new Set(campaignChannels);

/** Every channel code named must be one of the controlled list (src/shared/campaign-channels.ts); null is free text. */
export function assertKnownChannels(codes: readonly (string | null)[]): void {
  const unknown = codes.find((c) => c !== null && !known.has(c));
  if (unknown !== undefined && unknown !== null) fail('CAMPAIGN_CHANNEL_UNKNOWN', { channel: unknown });
}
